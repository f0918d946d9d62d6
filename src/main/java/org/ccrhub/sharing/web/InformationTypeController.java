package org.ccrhub.sharing.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccrhub.shared.ConcurrentChangeException;
import org.ccrhub.shared.Partnership;
import org.ccrhub.sharing.OwnInformationTypes;
import org.ccrhub.sharing.ProtocolRegisterRejectedException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The types of information a decision can say were disclosed: every member who reads the protocol
 * register reads the list; administrators and the data protection lead add their own, rename,
 * retire, restore and delete them (anyone else gets 403); a shipped type or another partnership's
 * is not found.
 */
@Controller
@RequestMapping("/p/{slug}/sharing/information-types")
class InformationTypeController {

  private static final String VIEW_LIST = "sharing/information-types";
  private static final String VIEW_FORM = "sharing/information-type-form";
  private static final String REDIRECT_LIST = "redirect:/p/{slug}/sharing/information-types";

  private final OwnInformationTypes types;

  InformationTypeController(OwnInformationTypes types) {
    this.types = types;
  }

  @ModelAttribute("section")
  String section() {
    return ProtocolPages.SECTION;
  }

  @GetMapping
  String showTypes(Partnership partnership, HttpServletRequest request, Model model) {
    List<OwnInformationTypes.Entry> entries = types.entries(partnership);
    model.addAttribute("shipped", entries.stream().filter(e -> !e.own()).toList());
    model.addAttribute("own", entries.stream().filter(OwnInformationTypes.Entry::own).toList());
    model.addAttribute("keeps", ProtocolPages.keeps(request));
    return VIEW_LIST;
  }

  @GetMapping("/new")
  String initCreationForm(HttpServletRequest request, Model model) {
    ProtocolPages.requireKeeper(request);
    model.addAttribute("form", new InformationTypeForm());
    return formView(null, model);
  }

  @PostMapping("/new")
  String processCreationForm(
      Partnership partnership,
      @ModelAttribute("form") InformationTypeForm form,
      BindingResult errors,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    ProtocolPages.requireKeeper(request);
    Optional<String> name = form.name(errors);
    if (name.isEmpty()) {
      return formView(null, model);
    }
    try {
      types.add(partnership, name.get());
    } catch (ProtocolRegisterRejectedException e) {
      ProtocolPages.reject(errors, e.problems(), Map.of());
      return formView(null, model);
    }
    flash.addFlashAttribute("message", name.get() + " added");
    return REDIRECT_LIST;
  }

  @GetMapping("/{id}/edit")
  String initUpdateForm(
      Partnership partnership, @PathVariable long id, HttpServletRequest request, Model model) {
    ProtocolPages.requireKeeper(request);
    OwnInformationTypes.Entry entry = types.own(partnership, id);
    model.addAttribute("form", InformationTypeForm.of(entry));
    return formView(entry, model);
  }

  @PostMapping("/{id}/edit")
  String processUpdateForm(
      Partnership partnership,
      @PathVariable long id,
      @ModelAttribute("form") InformationTypeForm form,
      BindingResult errors,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    ProtocolPages.requireKeeper(request);
    OwnInformationTypes.Entry entry = types.own(partnership, id);
    Optional<String> name = form.name(errors);
    if (name.isEmpty()) {
      return formView(entry, model);
    }
    try {
      types.rename(partnership, id, name.get(), form.expectedVersion());
    } catch (ConcurrentChangeException e) {
      ProtocolPages.rejectChangedMeanwhile(errors, "this type of information");
      return formView(entry, model);
    } catch (ProtocolRegisterRejectedException e) {
      ProtocolPages.reject(errors, e.problems(), Map.of());
      return formView(entry, model);
    }
    flash.addFlashAttribute("message", name.get() + " saved");
    return REDIRECT_LIST;
  }

  @PostMapping("/{id}/retire")
  String retire(
      Partnership partnership,
      @PathVariable long id,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    return offer(partnership, id, false, request, model, flash);
  }

  @PostMapping("/{id}/restore")
  String restore(
      Partnership partnership,
      @PathVariable long id,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    return offer(partnership, id, true, request, model, flash);
  }

  @PostMapping("/{id}/delete")
  String delete(
      Partnership partnership,
      @PathVariable long id,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    ProtocolPages.requireKeeper(request);
    OwnInformationTypes.Entry entry = types.own(partnership, id);
    try {
      types.delete(partnership, id);
    } catch (ProtocolRegisterRejectedException e) {
      return refused(entry, e, model);
    }
    flash.addFlashAttribute("message", entry.name() + " deleted");
    return REDIRECT_LIST;
  }

  private String offer(
      Partnership partnership,
      long id,
      boolean offered,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    ProtocolPages.requireKeeper(request);
    OwnInformationTypes.Entry entry = types.own(partnership, id);
    try {
      types.offer(partnership, id, offered);
    } catch (ProtocolRegisterRejectedException e) {
      return refused(entry, e, model);
    }
    flash.addFlashAttribute(
        "message",
        entry.name()
            + (offered ? " restored: it is offered again" : " retired: no longer offered"));
    return REDIRECT_LIST;
  }

  /** The type's form again, as it is saved, with the refusal at the top. */
  private String refused(
      OwnInformationTypes.Entry entry, ProtocolRegisterRejectedException e, Model model) {
    InformationTypeForm form = InformationTypeForm.of(entry);
    BindingResult errors = new BeanPropertyBindingResult(form, "form");
    ProtocolPages.reject(errors, e.problems(), Map.of());
    model.addAttribute("form", form);
    model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
    return formView(entry, model);
  }

  private String formView(OwnInformationTypes.@Nullable Entry entry, Model model) {
    model.addAttribute("entry", entry);
    model.addAttribute("fields", InformationTypeForm.FIELDS);
    return VIEW_FORM;
  }
}
