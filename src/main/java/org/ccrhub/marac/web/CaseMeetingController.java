package org.ccrhub.marac.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccrhub.marac.ActionStatus;
import org.ccrhub.marac.AgencyPerformance;
import org.ccrhub.marac.AgencyResearch;
import org.ccrhub.marac.MaracAccess;
import org.ccrhub.marac.MaracAction;
import org.ccrhub.marac.MaracActions;
import org.ccrhub.marac.MaracReader;
import org.ccrhub.marac.MaracSettings;
import org.ccrhub.marac.MeetingCase;
import org.ccrhub.marac.Meetings;
import org.ccrhub.marac.Research;
import org.ccrhub.marac.ResearchRejectedException;
import org.ccrhub.marac.web.MeetingForms.ActionForm;
import org.ccrhub.marac.web.MeetingForms.ActionUpdateForm;
import org.ccrhub.marac.web.MeetingForms.ResearchForm;
import org.ccrhub.marac.web.MeetingForms.RisksForm;
import org.ccrhub.security.SignedInUser;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
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
 * A case's meeting part (research by each member agency, the risks discussed and the action plan),
 * a member's "Our actions" and the agencies' performance.
 */
@Controller
@RequestMapping("/p/{slug}/marac/{maracId}")
class CaseMeetingController {

  private static final String CASE_MEETING =
      "redirect:/p/{slug}/marac/{maracId}/cases/{caseId}/meeting";

  private final MaracAccess access;
  private final Research research;
  private final MaracActions actions;
  private final Meetings meetings;
  private final AgencyPerformance performance;

  CaseMeetingController(
      MaracAccess access,
      Research research,
      MaracActions actions,
      Meetings meetings,
      AgencyPerformance performance) {
    this.access = access;
    this.research = research;
    this.actions = actions;
    this.meetings = meetings;
    this.performance = performance;
  }

  @ModelAttribute("section")
  String section() {
    return "marac";
  }

  @GetMapping("/cases/{caseId}/meeting")
  String show(
      Partnership partnership,
      @PathVariable long maracId,
      @PathVariable long caseId,
      @AuthenticationPrincipal SignedInUser user,
      Model model) {
    MaracReader reader = MeetingController.reader(access, partnership, maracId, user);
    access.read(reader, caseId, "Opened the case's meeting record");
    return view(reader, caseId, model);
  }

  /** The page shown again with a problem: it shows the case again, so that look is recorded too. */
  private String viewAgain(MaracReader reader, long caseId, Model model) {
    access.read(reader, caseId, "Opened the case's meeting record");
    return view(reader, caseId, model);
  }

  private String view(MaracReader reader, long caseId, Model model) {
    MeetingCase meetingCase = research.meetingCase(reader, caseId);
    List<AgencyResearch> found = research.forCase(reader, caseId);
    Map<String, String> ownAgencies = agencyOptions(reader, reader.agencies());
    model.addAttribute("marac", reader.marac());
    model.addAttribute("reader", reader);
    model.addAttribute("meetingCase", meetingCase);
    model.addAttribute("research", found);
    model.addAttribute("ownAgencies", ownAgencies);
    model.addAttribute("actions", actions.forCase(reader, caseId));
    model.addAttribute("statuses", ActionStatus.values());
    model.addAttribute("today", meetings.today());
    if (!model.containsAttribute("researchForm")) {
      ResearchForm form = new ResearchForm();
      if (ownAgencies.size() == 1) {
        String agency = ownAgencies.keySet().iterator().next();
        form.setAgency(agency);
        found.stream()
            .filter(r -> String.valueOf(r.agencyId()).equals(agency))
            .findFirst()
            .ifPresent(
                r -> {
                  form.setFacts(r.facts() == null ? "" : r.facts());
                  form.setOpinion(r.opinion() == null ? "" : r.opinion());
                  form.setNotShared(r.notShared() == null ? "" : r.notShared());
                });
      }
      model.addAttribute("researchForm", form);
    }
    if (!model.containsAttribute("risksForm")) {
      RisksForm risks = new RisksForm();
      risks.setRisks(meetingCase.risksDiscussed() == null ? "" : meetingCase.risksDiscussed());
      model.addAttribute("risksForm", risks);
    }
    if (!model.containsAttribute("actionForm")) {
      model.addAttribute("actionForm", new ActionForm());
    }
    if (reader.seesEveryCase()) {
      model.addAttribute("allAgencies", agencyOptions(reader, null));
    }
    return "marac/research-case";
  }

  @PostMapping("/cases/{caseId}/meeting/research")
  String recordResearch(
      Partnership partnership,
      @PathVariable long maracId,
      @PathVariable long caseId,
      @AuthenticationPrincipal SignedInUser user,
      @ModelAttribute("researchForm") ResearchForm form,
      BindingResult result,
      Model model,
      RedirectAttributes flash) {
    MaracReader reader = MeetingController.reader(access, partnership, maracId, user);
    Long agency = MeetingForms.id(form.getAgency());
    if (agency == null) {
      if (reader.agencies().isEmpty()) {
        throw new NotFoundException("No agency to record research for");
      }
      result.rejectValue("agency", "agency", "Select the agency whose research this is");
      return viewAgain(reader, caseId, model);
    }
    try {
      research.record(
          reader, caseId, agency, form.getFacts(), form.getOpinion(), form.getNotShared());
    } catch (ResearchRejectedException e) {
      for (MaracSettings.Problem p : e.problems()) {
        result.rejectValue(p.setting(), "research", p.message());
      }
      return viewAgain(reader, caseId, model);
    }
    flash.addFlashAttribute("message", "Research saved");
    return CASE_MEETING;
  }

  @PostMapping("/cases/{caseId}/meeting/risks")
  String recordRisks(
      Partnership partnership,
      @PathVariable long maracId,
      @PathVariable long caseId,
      @AuthenticationPrincipal SignedInUser user,
      @ModelAttribute("risksForm") RisksForm form,
      BindingResult result,
      Model model,
      RedirectAttributes flash) {
    MaracReader reader = MeetingController.reader(access, partnership, maracId, user);
    try {
      meetings.recordRisks(reader, caseId, form.getRisks());
    } catch (InvalidInputException e) {
      result.rejectValue("risks", "risks", e.getMessage());
      return viewAgain(reader, caseId, model);
    }
    flash.addFlashAttribute("message", "Risks discussed saved");
    return CASE_MEETING;
  }

  @PostMapping("/cases/{caseId}/meeting/actions")
  String addAction(
      Partnership partnership,
      @PathVariable long maracId,
      @PathVariable long caseId,
      @AuthenticationPrincipal SignedInUser user,
      @ModelAttribute("actionForm") ActionForm form,
      BindingResult result,
      Model model,
      RedirectAttributes flash) {
    MaracReader reader = MeetingController.reader(access, partnership, maracId, user);
    if (!reader.seesEveryCase()) {
      throw new NotFoundException("No such case");
    }
    Long agency = MeetingForms.id(form.getActionAgency());
    if (agency == null) {
      result.rejectValue("actionAgency", "actionAgency", "Select the agency that will do this");
    }
    if (form.getDescription().isBlank()) {
      result.rejectValue("description", "description", "Enter what the agency will do");
    }
    Optional<LocalDate> due = form.getDue().read("due", "the due date", true, result);
    if (result.hasErrors() || agency == null || due.isEmpty()) {
      return viewAgain(reader, caseId, model);
    }
    try {
      actions.add(reader, caseId, agency, form.getDescription(), due.get());
    } catch (InvalidInputException e) {
      result.rejectValue("description", "description", e.getMessage());
      return viewAgain(reader, caseId, model);
    }
    flash.addFlashAttribute("message", "Action added");
    return CASE_MEETING;
  }

  @PostMapping("/cases/{caseId}/meeting/actions/{actionId}")
  String updateAction(
      Partnership partnership,
      @PathVariable long maracId,
      @PathVariable long caseId,
      @PathVariable long actionId,
      @AuthenticationPrincipal SignedInUser user,
      @ModelAttribute ActionUpdateForm form,
      Model model,
      RedirectAttributes flash) {
    MaracReader reader = MeetingController.reader(access, partnership, maracId, user);
    MaracAction action = actions.get(reader, actionId);
    if (action.referralId() != caseId) {
      throw new NotFoundException("No such action");
    }
    ActionStatus status = null;
    for (ActionStatus s : ActionStatus.values()) {
      if (s.name().equals(form.getStatus())) {
        status = s;
      }
    }
    try {
      if (status == null) {
        throw new InvalidInputException("Select where the action stands");
      }
      actions.update(reader, actionId, status, form.getNote());
    } catch (InvalidInputException e) {
      model.addAttribute("actionProblem", e.getMessage());
      model.addAttribute("actionProblemId", actionId);
      return viewAgain(reader, caseId, model);
    }
    flash.addFlashAttribute("message", "Action updated");
    return CASE_MEETING;
  }

  @GetMapping("/our-actions")
  String ourActions(
      Partnership partnership,
      @PathVariable long maracId,
      @AuthenticationPrincipal SignedInUser user,
      Model model) {
    MaracReader reader = MeetingController.reader(access, partnership, maracId, user);
    model.addAttribute("marac", reader.marac());
    model.addAttribute("reader", reader);
    model.addAttribute("actions", actions.ours(reader));
    model.addAttribute("today", meetings.today());
    model.addAttribute("agencies", agencyOptions(reader, reader.agencies()).values());
    return "marac/action-ours";
  }

  @GetMapping("/agency-performance")
  String performance(
      Partnership partnership,
      @PathVariable long maracId,
      @AuthenticationPrincipal SignedInUser user,
      Model model) {
    MaracReader reader = MeetingController.reader(access, partnership, maracId, user);
    model.addAttribute("marac", reader.marac());
    model.addAttribute("quarters", performance.quarters());
    model.addAttribute("agencies", performance.agencies(reader));
    return "marac/meeting-agency-performance";
  }

  /** The partnership's agencies by name, or only those given. */
  private Map<String, String> agencyOptions(
      MaracReader reader, java.util.@org.jspecify.annotations.Nullable Set<Long> only) {
    Map<String, String> options = new LinkedHashMap<>();
    actions
        .agencyNames(reader)
        .forEach(
            (id, name) -> {
              if (only == null || only.contains(id)) {
                options.put(String.valueOf(id), name);
              }
            });
    return options;
  }
}
