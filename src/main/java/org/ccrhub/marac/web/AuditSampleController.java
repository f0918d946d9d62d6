package org.ccrhub.marac.web;

import java.time.LocalDate;
import java.util.Optional;
import org.ccrhub.marac.AuditOutcome;
import org.ccrhub.marac.AuditSamples;
import org.ccrhub.marac.MaracAccess;
import org.ccrhub.marac.MaracReader;
import org.ccrhub.marac.Meetings;
import org.ccrhub.marac.web.MeetingForms.CaseAuditForm;
import org.ccrhub.marac.web.MeetingForms.SampleForm;
import org.ccrhub.security.SignedInUser;
import org.ccrhub.shared.DateInput;
import org.ccrhub.shared.InvalidInputException;
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

/** Audit samples of a MARAC's cases, for the coordinator and the chair. */
@Controller
@RequestMapping("/p/{slug}/marac/{maracId}/audit-samples")
class AuditSampleController {

  private final MaracAccess access;
  private final AuditSamples samples;
  private final Meetings meetings;

  AuditSampleController(MaracAccess access, AuditSamples samples, Meetings meetings) {
    this.access = access;
    this.samples = samples;
    this.meetings = meetings;
  }

  @ModelAttribute("section")
  String section() {
    return "marac";
  }

  @GetMapping
  String list(
      Partnership partnership,
      @PathVariable long maracId,
      @AuthenticationPrincipal SignedInUser user,
      Model model) {
    MaracReader reader = MeetingController.reader(access, partnership, maracId, user);
    SampleForm form = new SampleForm();
    form.setFrom(DateInput.of(samples.defaultFrom(reader)));
    form.setTo(DateInput.of(meetings.today()));
    form.setSize(String.valueOf(reader.marac().settings().auditSampleSize()));
    model.addAttribute("form", form);
    return listView(reader, model);
  }

  private String listView(MaracReader reader, Model model) {
    model.addAttribute("marac", reader.marac());
    model.addAttribute("samples", samples.all(reader));
    return "marac/audit-sample-list";
  }

  @PostMapping
  String draw(
      Partnership partnership,
      @PathVariable long maracId,
      @AuthenticationPrincipal SignedInUser user,
      @ModelAttribute("form") SampleForm form,
      BindingResult result,
      Model model,
      RedirectAttributes flash) {
    MaracReader reader = MeetingController.reader(access, partnership, maracId, user);
    samples.all(reader);
    Optional<LocalDate> from = form.getFrom().read("from", "the start of the period", true, result);
    Optional<LocalDate> to = form.getTo().read("to", "the end of the period", true, result);
    Integer size = MeetingForms.number(form.getSize());
    if (size == null || size < 1 || size > 1000) {
      result.rejectValue("size", "size", "Enter how many cases, a whole number from 1 to 1,000");
    }
    if (result.hasErrors() || from.isEmpty() || to.isEmpty() || size == null) {
      return listView(reader, model);
    }
    long id;
    try {
      id = samples.draw(reader, from.get(), to.get(), size);
    } catch (InvalidInputException e) {
      form.getTo().reject("to", e.getMessage(), result);
      return listView(reader, model);
    }
    flash.addFlashAttribute("message", "Sample drawn");
    return "redirect:/p/{slug}/marac/{maracId}/audit-samples/" + id;
  }

  @GetMapping("/{sampleId}")
  String show(
      Partnership partnership,
      @PathVariable long maracId,
      @PathVariable long sampleId,
      @AuthenticationPrincipal SignedInUser user,
      Model model) {
    MaracReader reader = MeetingController.reader(access, partnership, maracId, user);
    model.addAttribute("marac", reader.marac());
    model.addAttribute("sample", samples.get(reader, sampleId));
    model.addAttribute("outcomes", AuditOutcome.values());
    return "marac/audit-sample";
  }

  @PostMapping("/{sampleId}/cases/{caseId}")
  String audit(
      Partnership partnership,
      @PathVariable long maracId,
      @PathVariable long sampleId,
      @PathVariable long caseId,
      @AuthenticationPrincipal SignedInUser user,
      @ModelAttribute CaseAuditForm form,
      Model model,
      RedirectAttributes flash) {
    MaracReader reader = MeetingController.reader(access, partnership, maracId, user);
    AuditOutcome outcome = null;
    for (AuditOutcome o : AuditOutcome.values()) {
      if (o.name().equals(form.getOutcome())) {
        outcome = o;
      }
    }
    try {
      if (outcome == null) {
        throw new InvalidInputException("Select whether the case met the agreed outcomes");
      }
      samples.record(reader, sampleId, caseId, outcome, form.getNotes());
    } catch (InvalidInputException e) {
      model.addAttribute("problem", e.getMessage());
      model.addAttribute("problemCase", caseId);
      model.addAttribute("typed", form);
      return show(partnership, maracId, sampleId, user, model);
    }
    flash.addFlashAttribute("message", "Audit of case " + caseId + " saved");
    return "redirect:/p/{slug}/marac/{maracId}/audit-samples/{sampleId}";
  }
}
