package org.ccrhub.plans;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ccrhub.partnership.Groups;
import org.ccrhub.security.CurrentRoles;
import org.ccrhub.security.Role;
import org.ccrhub.shared.ConcurrentChangeException;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.Partnership;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Strategies: every member reads them; administrators and strategic leads keep them. */
@Controller
@RequestMapping("/p/{slug}/strategies")
class StrategyController {

  private static final String VIEW_LIST = "plans/strategy-list";
  private static final String VIEW_STRATEGY = "plans/strategy";
  private static final String VIEW_FORM = "plans/strategy-form";

  private final Strategies strategies;
  private final Groups groups;

  StrategyController(Strategies strategies, Groups groups) {
    this.strategies = strategies;
    this.groups = groups;
  }

  @ModelAttribute("section")
  String section() {
    return "plans";
  }

  @GetMapping
  String showStrategies(Partnership partnership, HttpServletRequest request, Model model) {
    model.addAttribute("strategies", strategies.findAll(partnership));
    model.addAttribute("manages", manages(request));
    return VIEW_LIST;
  }

  @GetMapping("/{id}")
  String showStrategy(
      Partnership partnership, @PathVariable long id, HttpServletRequest request, Model model) {
    Strategy strategy = strategies.find(partnership, id);
    model.addAttribute("strategy", strategy);
    model.addAttribute("plans", strategies.planNames(strategy));
    model.addAttribute(
        "owningGroup",
        strategy
            .owningGroupId()
            .flatMap(g -> groups.findById(partnership, g))
            .map(g -> g.name())
            .orElse(null));
    model.addAttribute("manages", manages(request));
    return VIEW_STRATEGY;
  }

  @GetMapping("/new")
  String initCreationForm(Partnership partnership, HttpServletRequest request, Model model) {
    requireManager(request);
    model.addAttribute("form", new StrategyForm());
    return formView(partnership, null, model);
  }

  @PostMapping("/new")
  String processCreationForm(
      Partnership partnership,
      @Valid @ModelAttribute("form") StrategyForm form,
      BindingResult result,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    requireManager(request);
    form.checkReviewDate(result);
    if (result.hasErrors()) {
      return formView(partnership, null, model);
    }
    try {
      Strategy strategy = strategies.create(partnership, form.details());
      flash.addFlashAttribute("message", strategy.name() + " has been added");
      return "redirect:/p/{slug}/strategies/" + strategy.id();
    } catch (InvalidInputException e) {
      result.reject("rejected", e.getMessage());
      return formView(partnership, null, model);
    }
  }

  @GetMapping("/{id}/edit")
  String initUpdateForm(
      Partnership partnership, @PathVariable long id, HttpServletRequest request, Model model) {
    requireManager(request);
    Strategy strategy = strategies.find(partnership, id);
    model.addAttribute("form", StrategyForm.of(strategy));
    return formView(partnership, strategy, model);
  }

  @PostMapping("/{id}/edit")
  String processUpdateForm(
      Partnership partnership,
      @PathVariable long id,
      @Valid @ModelAttribute("form") StrategyForm form,
      BindingResult result,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    requireManager(request);
    Strategy before = strategies.find(partnership, id);
    form.checkReviewDate(result);
    if (result.hasErrors()) {
      return formView(partnership, before, model);
    }
    try {
      strategies.update(partnership, id, form.expectedVersion(), form.details());
    } catch (InvalidInputException e) {
      result.reject("rejected", e.getMessage());
      return formView(partnership, before, model);
    } catch (ConcurrentChangeException e) {
      Strategy saved = strategies.find(partnership, id);
      form.setVersion(String.valueOf(saved.version()));
      result.reject(
          "changedMeanwhile",
          "Someone else changed this strategy since you opened it. Check what is saved now, then save your changes again to replace theirs");
      return formView(partnership, saved, model);
    }
    flash.addFlashAttribute("message", "The strategy has been saved");
    return "redirect:/p/{slug}/strategies/{id}";
  }

  @PostMapping("/{id}/priorities")
  String addPriority(
      Partnership partnership,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String ref,
      @RequestParam(defaultValue = "") String title,
      @RequestParam(defaultValue = "") String keyTargets,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    requireManager(request);
    try {
      strategies.addPriority(partnership, id, ref, title, keyTargets);
    } catch (InvalidInputException e) {
      model.addAttribute("priorityError", e.getMessage());
      model.addAttribute("priorityRef", ref);
      model.addAttribute("priorityTitle", title);
      model.addAttribute("priorityTargets", keyTargets);
      return showStrategy(partnership, id, request, model);
    }
    flash.addFlashAttribute("message", "Priority added");
    return "redirect:/p/{slug}/strategies/{id}";
  }

  @PostMapping("/{id}/priorities/{priorityId}/remove")
  String removePriority(
      Partnership partnership,
      @PathVariable long id,
      @PathVariable long priorityId,
      HttpServletRequest request,
      RedirectAttributes flash) {
    requireManager(request);
    strategies.removePriority(partnership, id, priorityId);
    flash.addFlashAttribute("message", "Priority removed");
    return "redirect:/p/{slug}/strategies/{id}";
  }

  private String formView(Partnership partnership, Strategy strategy, Model model) {
    Map<String, String> groupOptions = new LinkedHashMap<>();
    groups.findAll(partnership).forEach(g -> groupOptions.put(String.valueOf(g.id()), g.name()));
    Map<String, String> statuses = new LinkedHashMap<>();
    for (Strategy.Status status : Strategy.Status.values()) {
      statuses.put(status.name(), status.label());
    }
    model.addAttribute("strategy", strategy);
    model.addAttribute("groupOptions", groupOptions);
    model.addAttribute("statusOptions", statuses);
    return VIEW_FORM;
  }

  private static boolean manages(HttpServletRequest request) {
    return request.getAttribute(CurrentRoles.REQUEST_ATTRIBUTE) instanceof CurrentRoles roles
        && (roles.has(Role.PARTNERSHIP_ADMIN) || roles.has(Role.STRATEGIC_LEAD));
  }

  private static void requireManager(HttpServletRequest request) {
    if (!manages(request)) {
      throw new AccessDeniedException("Only administrators and strategic leads keep strategies");
    }
  }
}
