package org.ccrhub.partnership.web;

import jakarta.validation.Valid;
import java.util.Map;
import org.ccrhub.partnership.Agencies;
import org.ccrhub.partnership.Agency;
import org.ccrhub.partnership.AgencyType;
import org.ccrhub.partnership.DeletionRefusedException;
import org.ccrhub.partnership.DetailsRejectedException;
import org.ccrhub.shared.ConcurrentChangeException;
import org.ccrhub.shared.Partnership;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Listing, adding, changing and deleting a partnership's agencies. */
@Controller
@RequestMapping("/p/{slug}/admin/agencies")
class AgencyController {

  private static final String VIEW_LIST = "partnership/agency-list";
  private static final String VIEW_FORM = "partnership/agency-form";
  private static final String VIEW_DELETE = "partnership/confirm-delete";
  private static final String REDIRECT_LIST = "redirect:/p/{slug}/admin/agencies";

  private final Agencies agencies;

  AgencyController(Agencies agencies) {
    this.agencies = agencies;
  }

  @InitBinder
  void trimInput(WebDataBinder binder) {
    binder.registerCustomEditor(String.class, new StringTrimmerEditor(false));
  }

  @ModelAttribute("section")
  String section() {
    return "agencies";
  }

  @ModelAttribute("types")
  Map<String, String> types() {
    return FormValues.options(AgencyType.values(), AgencyType::label);
  }

  @GetMapping
  String showAgencies(Partnership partnership, Model model) {
    model.addAttribute("agencies", agencies.findAll(partnership));
    return VIEW_LIST;
  }

  @GetMapping("/new")
  String initCreationForm(Model model) {
    model.addAttribute("form", new AgencyForm());
    return VIEW_FORM;
  }

  @PostMapping("/new")
  String processCreationForm(
      Partnership partnership,
      @Valid @ModelAttribute("form") AgencyForm form,
      BindingResult result,
      RedirectAttributes flash) {
    if (result.hasErrors()) {
      return VIEW_FORM;
    }
    try {
      Agency agency = agencies.create(partnership, form.getName(), form.agencyType());
      flash.addFlashAttribute("message", agency.name() + " has been added");
    } catch (DetailsRejectedException e) {
      FormErrors.reject(result, e);
      return VIEW_FORM;
    }
    return REDIRECT_LIST;
  }

  @GetMapping("/{id}/edit")
  String initUpdateForm(Partnership partnership, @PathVariable long id, Model model) {
    Agency agency = agencies.find(partnership, id);
    model.addAttribute("agency", agency);
    model.addAttribute("form", AgencyForm.of(agency));
    return VIEW_FORM;
  }

  @PostMapping("/{id}/edit")
  String processUpdateForm(
      Partnership partnership,
      @PathVariable long id,
      @Valid @ModelAttribute("form") AgencyForm form,
      BindingResult result,
      Model model,
      RedirectAttributes flash) {
    model.addAttribute("agency", agencies.find(partnership, id));
    if (result.hasErrors()) {
      return VIEW_FORM;
    }
    try {
      Agency agency =
          agencies.update(
              partnership, id, form.expectedVersion(), form.getName(), form.agencyType());
      flash.addFlashAttribute("message", agency.name() + " has been changed");
    } catch (DetailsRejectedException e) {
      FormErrors.reject(result, e);
      return VIEW_FORM;
    } catch (ConcurrentChangeException e) {
      Agency saved = agencies.find(partnership, id);
      model.addAttribute("agency", saved);
      form.setVersion(String.valueOf(saved.version()));
      FormErrors.rejectChangedMeanwhile(result, model, "this agency");
      return VIEW_FORM;
    }
    return REDIRECT_LIST;
  }

  @GetMapping("/{id}/delete")
  String initDeleteForm(Partnership partnership, @PathVariable long id, Model model) {
    Agency agency = agencies.find(partnership, id);
    DeleteConfirmation deletion = confirmation(agency);
    model.addAttribute(
        "deletion",
        agencies.whyNotDeletable(partnership, id).map(deletion::withRefusal).orElse(deletion));
    return VIEW_DELETE;
  }

  @PostMapping("/{id}/delete")
  String processDeleteForm(
      Partnership partnership,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String version,
      Model model,
      RedirectAttributes flash) {
    Agency agency = agencies.find(partnership, id);
    try {
      agencies.delete(partnership, id, FormValues.version(version));
    } catch (DeletionRefusedException e) {
      model.addAttribute("deletion", confirmation(agency).withRefusal(e.getMessage()));
      return VIEW_DELETE;
    } catch (ConcurrentChangeException e) {
      model.addAttribute(
          "deletion", confirmation(agencies.find(partnership, id)).withChangedMeanwhile());
      return VIEW_DELETE;
    }
    flash.addFlashAttribute("message", agency.name() + " has been deleted");
    return REDIRECT_LIST;
  }

  private static DeleteConfirmation confirmation(Agency agency) {
    return new DeleteConfirmation(
        "agency",
        agency.id(),
        agency.name(),
        agency.version(),
        DeleteConfirmation.details("Name", agency.name(), "Type", agency.type().label()),
        null,
        null,
        false);
  }
}
