package org.ccrhub.plans;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.RagRating;
import org.ccrhub.shared.RagScheme;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators choose the RAG scheme and word its definitions. */
@Controller
@RequestMapping("/p/{slug}/admin/rag")
class RagSettingsController {

  private static final String VIEW = "plans/rag-settings";

  private final DeliveryPlans plans;
  private final RagSettings settings;
  private final RagDefinitions definitions;
  private final AuditTrail audit;

  RagSettingsController(
      DeliveryPlans plans, RagSettings settings, RagDefinitions definitions, AuditTrail audit) {
    this.plans = plans;
    this.settings = settings;
    this.definitions = definitions;
    this.audit = audit;
  }

  @GetMapping
  String showRagSettings(Partnership partnership, Model model) {
    model.addAttribute("section", "rag");
    model.addAttribute("scheme", plans.scheme(partnership));
    model.addAttribute("definitions", definitions.definitions(partnership));
    return VIEW;
  }

  @PostMapping("/scheme")
  String changeScheme(
      Partnership partnership,
      @RequestParam(defaultValue = "") String scheme,
      Model model,
      RedirectAttributes flash) {
    try {
      settings.changeScheme(partnership, RagScheme.parse(scheme.isBlank() ? "?" : scheme));
    } catch (InvalidInputException e) {
      model.addAttribute("schemeError", e.getMessage());
      return showRagSettings(partnership, model);
    }
    flash.addFlashAttribute("message", "RAG scheme saved");
    return "redirect:/p/{slug}/admin/rag";
  }

  @PostMapping("/definitions")
  String saveDefinitions(
      Partnership partnership, HttpServletRequest request, Model model, RedirectAttributes flash) {
    Map<RagRating, String> current = definitions.definitions(partnership);
    try {
      for (RagRating rating : current.keySet()) {
        String text = request.getParameter("definition-" + rating.name());
        if (text != null) {
          definitions.define(partnership, rating, text);
        }
      }
    } catch (InvalidInputException e) {
      model.addAttribute("definitionsError", e.getMessage());
      return showRagSettings(partnership, model);
    }
    audit.record(
        AuditEntry.success(
            "UPDATE",
            "RagDefinitions",
            partnership.id(),
            partnership.id(),
            "RAG definitions saved"));
    flash.addFlashAttribute("message", "RAG definitions saved");
    return "redirect:/p/{slug}/admin/rag";
  }
}
