package org.ccrhub.sharing.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ccrhub.partnership.Agencies;
import org.ccrhub.partnership.Agency;
import org.ccrhub.shared.ConcurrentChangeException;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.ccrhub.sharing.ProtocolRegister;
import org.ccrhub.sharing.ProtocolRegisterChanges;
import org.ccrhub.sharing.ProtocolRegisterRejectedException;
import org.ccrhub.sharing.Protocols;
import org.jspecify.annotations.Nullable;
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
 * A protocol's parties, as its keepers record them: an agency of the partnership that signed it,
 * its signatory, and its SPOC and deputy chosen from the people of that agency; a party leaving
 * (its last day) and rejoining.
 */
@Controller
@RequestMapping("/p/{slug}/sharing/protocols/{id}/parties")
class ProtocolPartyController {

  private static final String VIEW_PARTY = "sharing/protocol-party-form";
  private static final String VIEW_LEAVING = "sharing/protocol-party-leaving";

  private final Protocols protocols;
  private final Agencies agencies;
  private final Clock clock;

  ProtocolPartyController(Protocols protocols, Agencies agencies, Clock clock) {
    this.protocols = protocols;
    this.agencies = agencies;
    this.clock = clock;
  }

  @ModelAttribute("section")
  String section() {
    return ProtocolPages.SECTION;
  }

  @GetMapping("/new")
  String initCreationForm(
      Partnership partnership, @PathVariable long id, HttpServletRequest request, Model model) {
    ProtocolPages.requireKeeper(request);
    model.addAttribute("form", new ProtocolForms.PartyForm());
    partyModel(partnership, id, null, model);
    return VIEW_PARTY;
  }

  @PostMapping("/new")
  String processCreationForm(
      Partnership partnership,
      @PathVariable long id,
      @ModelAttribute("form") ProtocolForms.PartyForm form,
      BindingResult errors,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    ProtocolPages.requireKeeper(request);
    ProtocolRegister.Protocol protocol = partyModel(partnership, id, null, model);
    Optional<ProtocolRegisterChanges.PartyDetails> details = form.details(errors, true);
    if (details.isEmpty()) {
      return VIEW_PARTY;
    }
    long agencyId = ProtocolForms.id(form.getAgency()).orElseThrow();
    try {
      protocols.addParty(partnership, id, agencyId, details.get());
    } catch (ProtocolRegisterRejectedException e) {
      reject(errors, e, form);
      return VIEW_PARTY;
    }
    flash.addFlashAttribute(
        "message",
        agencies.find(partnership, agencyId).name()
            + " added as a party to "
            + ProtocolRegister.the(protocol.title()));
    return ProtocolController.REDIRECT_PROTOCOL;
  }

  @GetMapping("/{partyId}/edit")
  String initUpdateForm(
      Partnership partnership,
      @PathVariable long id,
      @PathVariable long partyId,
      HttpServletRequest request,
      Model model) {
    ProtocolPages.requireKeeper(request);
    ProtocolRegister.Protocol protocol = protocol(partnership, id);
    ProtocolRegister.Party party = party(protocol, partyId);
    model.addAttribute("form", ProtocolForms.PartyForm.of(party));
    partyModel(partnership, id, party, model);
    return VIEW_PARTY;
  }

  @PostMapping("/{partyId}/edit")
  String processUpdateForm(
      Partnership partnership,
      @PathVariable long id,
      @PathVariable long partyId,
      @ModelAttribute("form") ProtocolForms.PartyForm form,
      BindingResult errors,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    ProtocolPages.requireKeeper(request);
    ProtocolRegister.Protocol protocol = protocol(partnership, id);
    ProtocolRegister.Party party = party(protocol, partyId);
    partyModel(partnership, id, party, model);
    Optional<ProtocolRegisterChanges.PartyDetails> details = form.details(errors, false);
    if (details.isEmpty()) {
      return VIEW_PARTY;
    }
    try {
      protocols.updateParty(
          partnership, id, partyId, details.get(), ProtocolForms.version(form.getVersion()));
    } catch (ConcurrentChangeException e) {
      ProtocolPages.rejectChangedMeanwhile(errors, party.agencyName() + "'s part in it");
      return VIEW_PARTY;
    } catch (ProtocolRegisterRejectedException e) {
      reject(errors, e, form);
      return VIEW_PARTY;
    }
    flash.addFlashAttribute(
        "message",
        party.agencyName() + "'s part in " + ProtocolRegister.the(protocol.title()) + " saved");
    return ProtocolController.REDIRECT_PROTOCOL;
  }

  @GetMapping("/{partyId}/leave")
  String initLeavingForm(
      Partnership partnership,
      @PathVariable long id,
      @PathVariable long partyId,
      HttpServletRequest request,
      Model model) {
    ProtocolPages.requireKeeper(request);
    ProtocolRegister.Party party = leavingModel(partnership, id, partyId, model);
    ProtocolForms.LeavingForm form = new ProtocolForms.LeavingForm();
    form.setLastDay(org.ccrhub.shared.DateInput.of(party.leftOn()));
    model.addAttribute("form", form);
    return VIEW_LEAVING;
  }

  @PostMapping("/{partyId}/leave")
  String processLeavingForm(
      Partnership partnership,
      @PathVariable long id,
      @PathVariable long partyId,
      @ModelAttribute("form") ProtocolForms.LeavingForm form,
      BindingResult errors,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    ProtocolPages.requireKeeper(request);
    ProtocolRegister.Party party = leavingModel(partnership, id, partyId, model);
    Optional<LocalDate> lastDay = form.getLastDay().read("lastDay", "the last day", true, errors);
    if (lastDay.isEmpty()) {
      return VIEW_LEAVING;
    }
    try {
      protocols.recordLeaving(partnership, id, partyId, lastDay.get());
    } catch (ProtocolRegisterRejectedException e) {
      ProtocolPages.reject(errors, e.problems(), Map.of("lastDay", form.getLastDay()));
      return VIEW_LEAVING;
    }
    flash.addFlashAttribute(
        "message", party.agencyName() + "'s last day as a party is " + Dates.date(lastDay.get()));
    return ProtocolController.REDIRECT_PROTOCOL;
  }

  @PostMapping("/{partyId}/rejoin")
  String rejoin(
      Partnership partnership,
      @PathVariable long id,
      @PathVariable long partyId,
      HttpServletRequest request,
      RedirectAttributes flash) {
    ProtocolPages.requireKeeper(request);
    ProtocolRegister.Party party = party(protocol(partnership, id), partyId);
    try {
      protocols.rejoin(partnership, id, partyId);
      flash.addFlashAttribute("message", party.agencyName() + " is a party again");
    } catch (ProtocolRegisterRejectedException e) {
      flash.addFlashAttribute("refusal", e.getMessage());
    }
    return ProtocolController.REDIRECT_PROTOCOL;
  }

  private ProtocolRegister.Protocol protocol(Partnership partnership, long id) {
    return protocols.protocol(partnership, id, ProtocolPages.today(clock));
  }

  private static ProtocolRegister.Party party(ProtocolRegister.Protocol protocol, long partyId) {
    return protocol.party(partyId).orElseThrow(() -> new NotFoundException("Party"));
  }

  private static void reject(
      BindingResult errors,
      ProtocolRegisterRejectedException refusal,
      ProtocolForms.PartyForm form) {
    ProtocolPages.reject(
        errors,
        refusal.problems(),
        Map.of("signedOn", form.getSignedOn(), "joinedOn", form.getJoinedOn()));
  }

  /**
   * The form's choices: the agencies not yet parties (for a new party), and the people of each
   * agency, grouped by agency, to choose the SPOC and deputy from.
   */
  private ProtocolRegister.Protocol partyModel(
      Partnership partnership, long id, ProtocolRegister.@Nullable Party party, Model model) {
    ProtocolRegister.Protocol protocol = protocol(partnership, id);
    Set<Long> parties =
        protocol.parties().stream()
            .map(ProtocolRegister.Party::agencyId)
            .collect(Collectors.toSet());
    Map<String, String> agencyOptions = new LinkedHashMap<>();
    Map<Long, String> agencyNames = new LinkedHashMap<>();
    for (Agency agency : agencies.findAll(partnership)) {
      agencyNames.put(agency.id(), agency.name());
      if (!parties.contains(agency.id())) {
        agencyOptions.put(Long.toString(agency.id()), agency.name());
      }
    }
    Map<String, List<ProtocolRegister.Candidate>> people = new LinkedHashMap<>();
    for (ProtocolRegister.Candidate candidate : protocols.candidates(partnership)) {
      boolean offered =
          party == null
              ? !parties.contains(candidate.agencyId())
              : candidate.agencyId() == party.agencyId();
      if (offered) {
        people
            .computeIfAbsent(agencyNames.get(candidate.agencyId()), k -> new ArrayList<>())
            .add(candidate);
      }
    }
    model.addAttribute("protocol", protocol);
    model.addAttribute("party", party);
    model.addAttribute("agencyOptions", agencyOptions);
    model.addAttribute("people", people);
    model.addAttribute("fields", ProtocolForms.PartyForm.FIELDS);
    return protocol;
  }

  private ProtocolRegister.Party leavingModel(
      Partnership partnership, long id, long partyId, Model model) {
    ProtocolRegister.Protocol protocol = protocol(partnership, id);
    ProtocolRegister.Party party = party(protocol, partyId);
    model.addAttribute("protocol", protocol);
    model.addAttribute("party", party);
    model.addAttribute("fields", ProtocolForms.LeavingForm.FIELDS);
    return party;
  }
}
