package org.ccrhub.sharing.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ccrhub.shared.ConcurrentChangeException;
import org.ccrhub.shared.Partnership;
import org.ccrhub.sharing.LawfulBasis;
import org.ccrhub.sharing.LawfulBasisDetails;
import org.ccrhub.sharing.OwnLawfulBases;
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
 * The lawful bases a partnership can cite: every member who reads the protocol register reads the
 * list, the shipped ones by the part of the law they are, then the partnership's own.
 * Administrators and the data protection lead add their own, change, retire, restore and delete
 * them (anyone else gets 403); a shipped basis or another partnership's is not found.
 */
@Controller
@RequestMapping("/p/{slug}/sharing/lawful-bases")
class LawfulBasisController {

  private static final String VIEW_LIST = "sharing/lawful-bases";
  private static final String VIEW_FORM = "sharing/lawful-basis-form";
  private static final String REDIRECT_LIST = "redirect:/p/{slug}/sharing/lawful-bases";

  private final OwnLawfulBases bases;
  private final Clock clock;

  LawfulBasisController(OwnLawfulBases bases, Clock clock) {
    this.bases = bases;
    this.clock = clock;
  }

  @ModelAttribute("section")
  String section() {
    return ProtocolPages.SECTION;
  }

  @GetMapping
  String showBases(Partnership partnership, HttpServletRequest request, Model model) {
    List<OwnLawfulBases.Entry> entries = bases.entries(partnership);
    model.addAttribute("own", entries.stream().filter(OwnLawfulBases.Entry::own).toList());
    Map<LawfulBasis.Kind, List<LawfulBasis>> shipped =
        ProtocolController.byKind(
            entries.stream().filter(e -> !e.own()).map(OwnLawfulBases.Entry::basis).toList());
    model.addAttribute("shipped", shipped);
    model.addAttribute(
        "needs",
        entries.stream()
            .filter(e -> e.needs().isPresent())
            .collect(Collectors.toMap(e -> e.basis().id(), e -> e.needs().get().label())));
    model.addAttribute("keeps", ProtocolPages.keeps(request));
    model.addAttribute("today", ProtocolPages.today(clock));
    return VIEW_LIST;
  }

  @GetMapping("/new")
  String initCreationForm(HttpServletRequest request, Model model) {
    ProtocolPages.requireKeeper(request);
    model.addAttribute("form", new LawfulBasisForm());
    return formView(null, model);
  }

  @PostMapping("/new")
  String processCreationForm(
      Partnership partnership,
      @ModelAttribute("form") LawfulBasisForm form,
      BindingResult errors,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    ProtocolPages.requireKeeper(request);
    Optional<LawfulBasisDetails> details = form.details(errors);
    if (details.isEmpty()) {
      return formView(null, model);
    }
    try {
      bases.add(partnership, details.get());
    } catch (ProtocolRegisterRejectedException e) {
      ProtocolPages.reject(errors, e.problems(), Map.of());
      return formView(null, model);
    }
    flash.addFlashAttribute("message", details.get().code() + " added");
    return REDIRECT_LIST;
  }

  @GetMapping("/{id}/edit")
  String initUpdateForm(
      Partnership partnership, @PathVariable long id, HttpServletRequest request, Model model) {
    ProtocolPages.requireKeeper(request);
    OwnLawfulBases.Entry entry = bases.own(partnership, id);
    model.addAttribute("form", LawfulBasisForm.of(entry));
    return formView(entry, model);
  }

  @PostMapping("/{id}/edit")
  String processUpdateForm(
      Partnership partnership,
      @PathVariable long id,
      @ModelAttribute("form") LawfulBasisForm form,
      BindingResult errors,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    ProtocolPages.requireKeeper(request);
    OwnLawfulBases.Entry entry = bases.own(partnership, id);
    Optional<LawfulBasisDetails> details = form.details(errors);
    if (details.isEmpty()) {
      return formView(entry, model);
    }
    try {
      bases.change(partnership, id, details.get(), form.expectedVersion());
    } catch (ConcurrentChangeException e) {
      ProtocolPages.rejectChangedMeanwhile(errors, "this lawful basis");
      return formView(entry, model);
    } catch (ProtocolRegisterRejectedException e) {
      ProtocolPages.reject(errors, e.problems(), Map.of());
      return formView(entry, model);
    }
    flash.addFlashAttribute("message", details.get().code() + " saved");
    return REDIRECT_LIST;
  }

  @PostMapping("/{id}/retire")
  String retire(
      Partnership partnership,
      @PathVariable long id,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    ProtocolPages.requireKeeper(request);
    OwnLawfulBases.Entry entry = bases.own(partnership, id);
    try {
      bases.retire(partnership, id, ProtocolPages.today(clock));
    } catch (ProtocolRegisterRejectedException e) {
      return refused(entry, e, model);
    }
    flash.addFlashAttribute(
        "message", entry.basis().code() + " retired: it is no longer offered from today");
    return REDIRECT_LIST;
  }

  @PostMapping("/{id}/restore")
  String restore(
      Partnership partnership,
      @PathVariable long id,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    ProtocolPages.requireKeeper(request);
    OwnLawfulBases.Entry entry = bases.own(partnership, id);
    try {
      bases.restore(partnership, id, ProtocolPages.today(clock));
    } catch (ProtocolRegisterRejectedException e) {
      return refused(entry, e, model);
    }
    flash.addFlashAttribute("message", entry.basis().code() + " restored: it is offered again");
    return REDIRECT_LIST;
  }

  @PostMapping("/{id}/delete")
  String delete(
      Partnership partnership,
      @PathVariable long id,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    ProtocolPages.requireKeeper(request);
    OwnLawfulBases.Entry entry = bases.own(partnership, id);
    try {
      bases.delete(partnership, id);
    } catch (ProtocolRegisterRejectedException e) {
      return refused(entry, e, model);
    }
    flash.addFlashAttribute("message", entry.basis().code() + " deleted");
    return REDIRECT_LIST;
  }

  /** The basis's form again, as it is saved, with the refusal at the top. */
  private String refused(
      OwnLawfulBases.Entry entry, ProtocolRegisterRejectedException e, Model model) {
    LawfulBasisForm form = LawfulBasisForm.of(entry);
    BindingResult errors = new BeanPropertyBindingResult(form, "form");
    ProtocolPages.reject(errors, e.problems(), Map.of());
    model.addAttribute("form", form);
    model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
    return formView(entry, model);
  }

  private String formView(OwnLawfulBases.@Nullable Entry entry, Model model) {
    LocalDate today = ProtocolPages.today(clock);
    model.addAttribute("entry", entry);
    model.addAttribute("fields", LawfulBasisForm.FIELDS);
    Map<String, String> kinds = new LinkedHashMap<>();
    for (LawfulBasis.Kind k : LawfulBasis.Kind.values()) {
      kinds.put(k.name(), k.label());
    }
    model.addAttribute("kinds", kinds);
    Map<String, String> needs = new LinkedHashMap<>();
    needs.put(LawfulBasisForm.NONE, "Nothing else");
    for (LawfulBasisDetails.Needs n : LawfulBasisDetails.Needs.values()) {
      needs.put(n.name(), n.label());
    }
    model.addAttribute("needsOptions", needs);
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("1", "Part 1");
    parts.put("2", "Part 2");
    parts.put("3", "Part 3");
    parts.put(LawfulBasisForm.NONE, "None: it is not a Schedule 1 condition");
    model.addAttribute("parts", parts);
    model.addAttribute("today", today);
    model.addAttribute("ended", entry != null && entry.endedBy(today));
    return VIEW_FORM;
  }
}
