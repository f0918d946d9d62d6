package org.ccrhub.sharing.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ccrhub.security.SignedInUser;
import org.ccrhub.shared.DateInput;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.ccrhub.sharing.DecisionLog;
import org.ccrhub.sharing.DecisionOutcome;
import org.ccrhub.sharing.Decisions;
import org.ccrhub.sharing.Ground;
import org.ccrhub.sharing.InformationTypes;
import org.ccrhub.sharing.LawfulBases;
import org.ccrhub.sharing.LawfulBasis;
import org.ccrhub.sharing.Requests;
import org.ccrhub.sharing.SharingAccess;
import org.ccrhub.sharing.SharingMethod;
import org.ccrhub.sharing.SharingReader;
import org.ccrhub.sharing.SharingRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The decision on a request (Part B), for the asked agency's SPOC, deputy or delegate under its
 * protocol, once, while the request is open. Anyone else is told there is no such request.
 */
@Controller
@RequestMapping("/p/{slug}/sharing/requests/{number}/decision")
class DecisionController {

  private static final String VIEW_FORM = "sharing/decision-form";

  private final SharingAccess access;
  private final Requests requests;
  private final Decisions decisions;
  private final LawfulBases lawfulBases;
  private final InformationTypes types;

  DecisionController(
      SharingAccess access,
      Requests requests,
      Decisions decisions,
      LawfulBases lawfulBases,
      InformationTypes types) {
    this.access = access;
    this.requests = requests;
    this.decisions = decisions;
    this.lawfulBases = lawfulBases;
    this.types = types;
  }

  @ModelAttribute("section")
  String section() {
    return "sharing";
  }

  @GetMapping
  String initForm(
      @PathVariable int number,
      SharingReader reader,
      @AuthenticationPrincipal SignedInUser user,
      Model model) {
    SharingRequest request = decidable(reader, number);
    DecisionForm form = new DecisionForm();
    form.setDecidedOn(DateInput.of(access.today()));
    form.setAuthorisedBy(user.displayName());
    form.setBases(request.bases().stream().map(b -> Long.toString(b.id())).toList());
    form.setSummary(request.informationSought());
    model.addAttribute("form", form);
    return form(reader, request, model);
  }

  @PostMapping
  String processForm(
      Partnership partnership,
      @PathVariable int number,
      @ModelAttribute("form") DecisionForm form,
      BindingResult errors,
      SharingReader reader,
      Model model,
      RedirectAttributes flash) {
    SharingRequest request = decidable(reader, number);
    Set<Long> claimable =
        lawfulBases.of(partnership).stream().map(LawfulBasis::id).collect(Collectors.toSet());
    Optional<Decisions.Given> given = form.read(claimable, types.of(partnership), errors);
    if (given.isEmpty()) {
      return form(reader, request, model);
    }
    try {
      long entry = decisions.decide(reader, number, given.get());
      flash.addFlashAttribute(
          "flash", "Decision recorded as entry " + entry + " of the decision log.");
    } catch (Decisions.RejectedException e) {
      form.reject(e.problems(), errors);
      return form(reader, request, model);
    }
    return "redirect:/p/" + partnership.slug() + "/sharing/requests/" + number;
  }

  @GetMapping("/correct")
  String initCorrectionForm(
      Partnership partnership, @PathVariable int number, SharingReader reader, Model model) {
    SharingRequest request = correctable(reader, number);
    DecisionLog.Entry current = request.decision();
    Map<String, Long> byCode = new java.util.HashMap<>();
    lawfulBases.of(partnership).forEach(b -> byCode.put(b.code(), b.id()));
    DecisionForm form =
        DecisionForm.of(
            current,
            current.lawfulBases().stream()
                .filter(byCode::containsKey)
                .map(c -> Long.toString(byCode.get(c)))
                .toList());
    model.addAttribute("form", form);
    model.addAttribute("correcting", current);
    return form(reader, request, model);
  }

  @PostMapping("/correct")
  String processCorrectionForm(
      Partnership partnership,
      @PathVariable int number,
      @ModelAttribute("form") DecisionForm form,
      BindingResult errors,
      SharingReader reader,
      Model model,
      RedirectAttributes flash) {
    SharingRequest request = correctable(reader, number);
    model.addAttribute("correcting", request.decision());
    Set<Long> claimable =
        lawfulBases.of(partnership).stream().map(LawfulBasis::id).collect(Collectors.toSet());
    if (form.getCorrectionReason().isBlank()) {
      errors.rejectValue("correctionReason", "required", "Enter why the entry is corrected");
    }
    Optional<Decisions.Given> given = form.read(claimable, types.of(partnership), errors);
    if (given.isEmpty() || errors.hasErrors()) {
      return form(reader, request, model);
    }
    try {
      long entry = decisions.correct(reader, number, given.get(), form.getCorrectionReason());
      flash.addFlashAttribute(
          "flash", "Correction recorded as entry " + entry + " of the decision log.");
    } catch (Decisions.RejectedException e) {
      form.reject(e.problems(), errors);
      return form(reader, request, model);
    }
    return "redirect:/p/" + partnership.slug() + "/sharing/requests/" + number;
  }

  /** The request, when the reader may correct its decision. */
  private SharingRequest correctable(SharingReader reader, int number) {
    SharingRequest request = requests.read(reader, number);
    if (!Decisions.corrects(reader, request)) {
      throw new NotFoundException("No such request");
    }
    return request;
  }

  /** The request, when the reader decides it and it is open. */
  private SharingRequest decidable(SharingReader reader, int number) {
    SharingRequest request = requests.read(reader, number);
    if (!request.decides() || !request.open()) {
      throw new NotFoundException("No such request");
    }
    return request;
  }

  private String form(SharingReader reader, SharingRequest request, Model model) {
    Map<String, String> outcomes = new LinkedHashMap<>();
    for (DecisionOutcome o : DecisionOutcome.values()) {
      outcomes.put(o.name(), o.label());
    }
    Map<String, String> grounds = new LinkedHashMap<>();
    for (Ground g : Ground.values()) {
      grounds.put(g.name(), g.label());
    }
    Map<String, String> methods = new LinkedHashMap<>();
    for (SharingMethod m : SharingMethod.values()) {
      methods.put(m.name(), m.label());
    }
    Map<String, String> typeOptions = new LinkedHashMap<>();
    types.of(reader.partnership()).forEach(t -> typeOptions.put(t, t));
    BasisChoices.offer(
        lawfulBases.of(reader.partnership()),
        b -> b.inUseOn(access.today()) || request.bases().contains(b),
        model.getAttribute("form") instanceof DecisionForm typed ? typed.getBases() : List.of(),
        model);
    model.addAttribute("reader", reader);
    model.addAttribute("request", request);
    model.addAttribute("outcomes", outcomes);
    model.addAttribute("grounds", grounds);
    model.addAttribute("methods", methods);
    model.addAttribute("types", typeOptions);
    model.addAttribute("yesNo", RequestController.yesNo());
    return VIEW_FORM;
  }
}
