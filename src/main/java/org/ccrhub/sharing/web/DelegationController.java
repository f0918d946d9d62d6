package org.ccrhub.sharing.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.ccrhub.sharing.Delegation;
import org.ccrhub.sharing.Delegations;
import org.ccrhub.sharing.SharingAccess;
import org.ccrhub.sharing.SharingReader;
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
 * Delegations: the list of those the reader may see, the form with which a party's SPOC or deputy
 * lets a colleague decide until a day, and ending one sooner. Nothing is looked up without
 * two-factor sign-in; someone who may see no delegation finds no page.
 */
@Controller
@RequestMapping("/p/{slug}/sharing/delegations")
class DelegationController {

  private static final String VIEW_LIST = "sharing/delegations";
  private static final String VIEW_FORM = "sharing/delegation-form";

  private final SharingAccess access;
  private final Delegations delegations;

  DelegationController(SharingAccess access, Delegations delegations) {
    this.access = access;
    this.delegations = delegations;
  }

  @ModelAttribute("section")
  String section() {
    return "sharing";
  }

  @GetMapping
  String showList(SharingReader reader, Model model) {
    Delegations.Overview overview =
        delegations.overview(reader).orElseThrow(() -> new NotFoundException("No delegations"));
    model.addAttribute("overview", overview);
    model.addAttribute("today", access.today());
    return VIEW_LIST;
  }

  @GetMapping("/new")
  String initCreationForm(SharingReader reader, Model model) {
    List<Delegations.Party> parties = grantsFor(reader);
    DelegationForm form = new DelegationForm();
    if (parties.size() == 1) {
      form.setParty(Long.toString(parties.get(0).id()));
    }
    model.addAttribute("form", form);
    return form(reader, parties, model);
  }

  @PostMapping("/new")
  String processCreationForm(
      Partnership partnership,
      @ModelAttribute("form") DelegationForm form,
      BindingResult errors,
      SharingReader reader,
      Model model,
      RedirectAttributes flash) {
    List<Delegations.Party> parties = grantsFor(reader);
    Optional<DelegationForm.Typed> typed = form.read(errors);
    if (typed.isEmpty()) {
      return form(reader, parties, model);
    }
    Delegations.Granted granted;
    try {
      granted =
          delegations.grant(reader, typed.get().party(), typed.get().person(), typed.get().until());
    } catch (Delegations.RefusedException e) {
      for (Delegations.Problem problem : e.problems()) {
        if (problem.field().equals("until")) {
          form.getUntil().reject("until", problem.message(), errors);
        } else {
          errors.rejectValue(problem.field(), "refused", problem.message());
        }
      }
      return form(reader, parties, model);
    }
    flash.addFlashAttribute(
        "flash",
        granted.delegate()
            + " can decide for "
            + granted.party()
            + " until "
            + Dates.date(typed.get().until())
            + granted
                .replaced()
                .map(d -> " (in place of the delegation until " + Dates.date(d) + ")")
                .orElse(""));
    return "redirect:/p/" + partnership.slug() + "/sharing/delegations";
  }

  @PostMapping("/{id}/end")
  String processEnding(
      Partnership partnership,
      @PathVariable long id,
      SharingReader reader,
      RedirectAttributes flash) {
    try {
      Delegation ended = delegations.end(reader, id);
      flash.addFlashAttribute(
          "flash", ended.delegate() + " no longer decides for " + ended.party());
    } catch (Delegations.RefusedException e) {
      flash.addFlashAttribute("refusal", e.problems().get(0).message());
    }
    return "redirect:/p/" + partnership.slug() + "/sharing/delegations";
  }

  /** The parties the reader delegates for; someone who delegates for none finds no form. */
  private List<Delegations.Party> grantsFor(SharingReader reader) {
    List<Delegations.Party> parties = delegations.parties(reader);
    if (parties.isEmpty()) {
      throw new NotFoundException("No party to delegate for");
    }
    return parties;
  }

  private String form(SharingReader reader, List<Delegations.Party> parties, Model model) {
    Map<String, String> partyOptions = new LinkedHashMap<>();
    parties.forEach(p -> partyOptions.put(Long.toString(p.id()), p.name()));
    Map<String, String> people = new LinkedHashMap<>();
    delegations
        .candidates(reader)
        .forEach(
            c ->
                people.put(
                    Long.toString(c.personId()),
                    c.name() + c.jobTitle().map(job -> ", " + job).orElse("")));
    model.addAttribute("agency", parties.get(0).agency());
    model.addAttribute("parties", partyOptions);
    model.addAttribute("people", people);
    model.addAttribute("latest", Delegation.latestUntil(access.today()));
    model.addAttribute("fields", DelegationForm.FIELDS);
    return VIEW_FORM;
  }
}
