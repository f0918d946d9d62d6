package org.ccrhub.marac.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.ccrhub.exports.Exports;
import org.ccrhub.exports.FileExport;
import org.ccrhub.marac.Agenda;
import org.ccrhub.marac.Attendance;
import org.ccrhub.marac.AttendanceRow;
import org.ccrhub.marac.AttendanceStatus;
import org.ccrhub.marac.MaracAccess;
import org.ccrhub.marac.MaracReader;
import org.ccrhub.marac.Meeting;
import org.ccrhub.marac.MeetingKind;
import org.ccrhub.marac.MeetingSeries;
import org.ccrhub.marac.Meetings;
import org.ccrhub.marac.Minutes;
import org.ccrhub.marac.web.MeetingForms.MoveForm;
import org.ccrhub.marac.web.MeetingForms.ReasonForm;
import org.ccrhub.marac.web.MeetingForms.ScheduleForm;
import org.ccrhub.security.SignedInUser;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.Partnership;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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

/**
 * A MARAC's meetings: the list with scheduling and cancelling, each meeting's agenda with building,
 * moving cases and releasing the case list, the case list PDF, attendance and the minutes.
 */
@Controller
@RequestMapping("/p/{slug}/marac/{maracId}/meetings")
class MeetingController {

  static final String MEETINGS = "redirect:/p/{slug}/marac/{maracId}/meetings";
  static final String MEETING = "redirect:/p/{slug}/marac/{maracId}/meetings/{meetingId}";

  private final MaracAccess access;
  private final Meetings meetings;
  private final Attendance attendance;
  private final Minutes minutes;
  private final Exports exports;

  MeetingController(
      MaracAccess access,
      Meetings meetings,
      Attendance attendance,
      Minutes minutes,
      Exports exports) {
    this.exports = exports;
    this.access = access;
    this.meetings = meetings;
    this.attendance = attendance;
    this.minutes = minutes;
  }

  @ModelAttribute("section")
  String section() {
    return "marac";
  }

  static MaracReader reader(
      MaracAccess access, Partnership partnership, long maracId, SignedInUser user) {
    return access.reader(partnership, maracId, user.accountId(), user.actorName());
  }

  @GetMapping
  String list(
      Partnership partnership,
      @PathVariable long maracId,
      @AuthenticationPrincipal SignedInUser user,
      Model model) {
    MaracReader reader = reader(access, partnership, maracId, user);
    model.addAttribute("form", new ScheduleForm());
    return listView(reader, model);
  }

  @PostMapping
  String schedule(
      Partnership partnership,
      @PathVariable long maracId,
      @AuthenticationPrincipal SignedInUser user,
      @ModelAttribute("form") ScheduleForm form,
      BindingResult result,
      Model model,
      RedirectAttributes flash) {
    MaracReader reader = reader(access, partnership, maracId, user);
    Optional<LocalDate> date = form.getDate().read("date", "the date of the meeting", true, result);
    MeetingKind kind =
        "EMERGENCY".equals(form.getKind()) ? MeetingKind.EMERGENCY : MeetingKind.REGULAR;
    Integer count =
        kind == MeetingKind.EMERGENCY ? Integer.valueOf(1) : MeetingForms.number(form.getCount());
    if (count == null || count < 1 || count > MeetingSeries.MOST) {
      result.rejectValue(
          "count",
          "range",
          "Enter how many meetings, a whole number from 1 to " + MeetingSeries.MOST);
    }
    if (result.hasErrors() || date.isEmpty() || count == null) {
      return listView(reader, model);
    }
    List<LocalDate> scheduled;
    try {
      scheduled = meetings.schedule(reader, date.get(), kind, count);
    } catch (InvalidInputException e) {
      form.getDate().reject("date", e.getMessage(), result);
      return listView(reader, model);
    }
    flash.addFlashAttribute(
        "message",
        scheduled.isEmpty()
            ? "No meeting was added: there are meetings on those dates already"
            : scheduled.size() == 1
                ? kind.label() + " meeting scheduled for " + Dates.date(scheduled.get(0))
                : scheduled.size()
                    + " meetings scheduled, "
                    + MeetingSeries.describe(date.get(), reader.marac().meetingFrequency())
                    + ", from "
                    + Dates.date(scheduled.get(0))
                    + " to "
                    + Dates.date(scheduled.get(scheduled.size() - 1)));
    return MEETINGS;
  }

  private String listView(MaracReader reader, Model model) {
    LocalDate today = meetings.today();
    List<Meeting> upcoming = new ArrayList<>();
    List<Meeting> past = new ArrayList<>();
    for (Meeting m : meetings.all(reader)) {
      (m.date().isBefore(today) ? past : upcoming).add(m);
    }
    java.util.Collections.reverse(past);
    model.addAttribute("marac", reader.marac());
    model.addAttribute("reader", reader);
    model.addAttribute("upcoming", upcoming);
    model.addAttribute("past", past);
    model.addAttribute("today", today);
    model.addAttribute("frequency", reader.marac().meetingFrequency().label().toLowerCase());
    return "marac/meeting-list";
  }

  @PostMapping("/{meetingId}/cancel")
  String cancel(
      Partnership partnership,
      @PathVariable long maracId,
      @PathVariable long meetingId,
      @AuthenticationPrincipal SignedInUser user,
      RedirectAttributes flash) {
    MaracReader reader = reader(access, partnership, maracId, user);
    Meeting meeting = meetings.get(reader, meetingId);
    try {
      meetings.cancel(reader, meetingId);
      flash.addFlashAttribute(
          "message", "The meeting on " + Dates.date(meeting.date()) + " is cancelled");
    } catch (InvalidInputException e) {
      flash.addFlashAttribute("problem", e.getMessage());
    }
    return MEETINGS;
  }

  @GetMapping("/{meetingId}")
  String agenda(
      Partnership partnership,
      @PathVariable long maracId,
      @PathVariable long meetingId,
      @AuthenticationPrincipal SignedInUser user,
      Model model) {
    MaracReader reader = reader(access, partnership, maracId, user);
    model.addAttribute("reasonForm", new ReasonForm());
    return agendaView(reader, meetingId, model);
  }

  private String agendaView(MaracReader reader, long meetingId, Model model) {
    Agenda agenda = meetings.agenda(reader, meetingId);
    Meeting meeting = agenda.meeting();
    LocalDate releaseDate = meetings.releaseDate(reader, meeting);
    LocalDate today = meetings.today();
    model.addAttribute("marac", reader.marac());
    model.addAttribute("reader", reader);
    model.addAttribute("agenda", agenda);
    model.addAttribute("meeting", meeting);
    model.addAttribute("meetingTitle", "Meeting on " + Dates.date(meeting.date()));
    model.addAttribute("sections", org.ccrhub.marac.AgendaItem.Section.values());
    model.addAttribute("releaseDate", releaseDate);
    model.addAttribute("early", today.isBefore(releaseDate));
    model.addAttribute("today", today);
    return "marac/meeting-agenda";
  }

  @PostMapping("/{meetingId}/build")
  String build(
      Partnership partnership,
      @PathVariable long maracId,
      @PathVariable long meetingId,
      @AuthenticationPrincipal SignedInUser user,
      RedirectAttributes flash) {
    MaracReader reader = reader(access, partnership, maracId, user);
    try {
      int added = meetings.build(reader, meetingId);
      flash.addFlashAttribute(
          "message",
          added == 0
              ? "No referrals are waiting for an agenda"
              : (added == 1 ? "1 case" : added + " cases") + " added to the agenda");
    } catch (InvalidInputException e) {
      flash.addFlashAttribute("problem", e.getMessage());
    }
    return MEETING;
  }

  @GetMapping("/{meetingId}/cases/{caseId}/move")
  String moveForm(
      Partnership partnership,
      @PathVariable long maracId,
      @PathVariable long meetingId,
      @PathVariable long caseId,
      @AuthenticationPrincipal SignedInUser user,
      Model model) {
    MaracReader reader = reader(access, partnership, maracId, user);
    model.addAttribute("form", new MoveForm());
    return moveView(reader, meetingId, caseId, model);
  }

  private String moveView(MaracReader reader, long meetingId, long caseId, Model model) {
    Map<String, String> options = new LinkedHashMap<>();
    for (Meeting m : meetings.moveTargets(reader, meetingId, caseId)) {
      options.put(
          String.valueOf(m.id()),
          "The meeting on "
              + Dates.date(m.date())
              + (m.kind() == MeetingKind.EMERGENCY ? " (emergency)" : ""));
    }
    options.put(MoveForm.OFF, "Off the agenda: it waits for the next build");
    model.addAttribute("marac", reader.marac());
    model.addAttribute("meeting", meetings.get(reader, meetingId));
    model.addAttribute("caseId", caseId);
    model.addAttribute("options", options);
    return "marac/meeting-move";
  }

  @PostMapping("/{meetingId}/cases/{caseId}/move")
  String move(
      Partnership partnership,
      @PathVariable long maracId,
      @PathVariable long meetingId,
      @PathVariable long caseId,
      @AuthenticationPrincipal SignedInUser user,
      @ModelAttribute("form") MoveForm form,
      BindingResult result,
      Model model,
      RedirectAttributes flash) {
    MaracReader reader = reader(access, partnership, maracId, user);
    String to = form.getTo().strip();
    Long id = MeetingForms.id(to);
    if (id == null && !MoveForm.OFF.equals(to)) {
      result.rejectValue("to", "required", "Select where the case goes");
      return moveView(reader, meetingId, caseId, model);
    }
    Optional<Long> target = Optional.ofNullable(id);
    try {
      meetings.move(reader, meetingId, caseId, target);
    } catch (InvalidInputException e) {
      result.reject("move", e.getMessage());
      return moveView(reader, meetingId, caseId, model);
    }
    flash.addFlashAttribute(
        "message",
        target
            .map(
                t ->
                    "Case "
                        + caseId
                        + " moved to the meeting on "
                        + Dates.date(meetings.get(reader, t).date()))
            .orElse("Case " + caseId + " taken off the agenda"));
    return MEETING;
  }

  @PostMapping("/{meetingId}/release")
  String release(
      Partnership partnership,
      @PathVariable long maracId,
      @PathVariable long meetingId,
      @AuthenticationPrincipal SignedInUser user,
      RedirectAttributes flash) {
    MaracReader reader = reader(access, partnership, maracId, user);
    try {
      boolean now = meetings.release(reader, meetingId);
      flash.addFlashAttribute(
          "message",
          now
              ? "The case list is released to the members for research"
              : "The case list was already released");
    } catch (InvalidInputException e) {
      flash.addFlashAttribute("problem", e.getMessage());
    }
    return MEETING;
  }

  @PostMapping("/{meetingId}/case-list.pdf")
  Object caseList(
      Partnership partnership,
      @PathVariable long maracId,
      @PathVariable long meetingId,
      @AuthenticationPrincipal SignedInUser user,
      @ModelAttribute("reasonForm") ReasonForm form,
      BindingResult result,
      Model model) {
    MaracReader reader = reader(access, partnership, maracId, user);
    try {
      MaracAccess.checkReason(form.getReason());
    } catch (InvalidInputException e) {
      result.rejectValue("reason", "reason", e.getMessage());
      model.addAttribute("errorAnchor", "reason");
      return agendaView(reader, meetingId, model);
    }
    Meeting meeting = meetings.get(reader, meetingId);
    return pdf(
        partnership,
        meeting,
        "the case list of MARAC meeting " + meetingId,
        form.getReason(),
        () -> minutes.caseListPdf(reader, meetingId, form.getReason()),
        "marac-case-list-" + meeting.date() + ".pdf");
  }

  @GetMapping("/{meetingId}/attendance")
  String attendanceForm(
      Partnership partnership,
      @PathVariable long maracId,
      @PathVariable long meetingId,
      @AuthenticationPrincipal SignedInUser user,
      Model model) {
    MaracReader reader = reader(access, partnership, maracId, user);
    return attendanceView(reader, meetingId, attendance.of(reader, meetingId), null, model);
  }

  private String attendanceView(
      MaracReader reader, long meetingId, List<AttendanceRow> rows, String problem, Model model) {
    model.addAttribute("marac", reader.marac());
    model.addAttribute("reader", reader);
    model.addAttribute("meeting", meetings.get(reader, meetingId));
    model.addAttribute("rows", rows);
    model.addAttribute("statuses", AttendanceStatus.values());
    model.addAttribute("problem", problem);
    return "marac/meeting-attendance";
  }

  @PostMapping("/{meetingId}/attendance")
  String recordAttendance(
      Partnership partnership,
      @PathVariable long maracId,
      @PathVariable long meetingId,
      @AuthenticationPrincipal SignedInUser user,
      @RequestParam Map<String, String> params,
      Model model,
      RedirectAttributes flash) {
    MaracReader reader = reader(access, partnership, maracId, user);
    List<AttendanceRow> rows = new ArrayList<>();
    for (AttendanceRow known : attendance.of(reader, meetingId)) {
      long id = known.agencyId();
      String status = params.getOrDefault("status-" + id, "");
      AttendanceStatus chosen = null;
      for (AttendanceStatus s : AttendanceStatus.values()) {
        if (s.name().equals(status)) {
          chosen = s;
        }
      }
      rows.add(
          new AttendanceRow(
              id,
              known.agency(),
              chosen,
              params.getOrDefault("representative-" + id, ""),
              params.containsKey("signed-" + id)));
    }
    try {
      attendance.record(reader, meetingId, rows);
    } catch (InvalidInputException e) {
      return attendanceView(reader, meetingId, rows, e.getMessage(), model);
    }
    flash.addFlashAttribute("message", "Attendance saved");
    return MEETING;
  }

  @GetMapping("/{meetingId}/minutes")
  String minutes(
      Partnership partnership,
      @PathVariable long maracId,
      @PathVariable long meetingId,
      @AuthenticationPrincipal SignedInUser user,
      Model model) {
    MaracReader reader = reader(access, partnership, maracId, user);
    model.addAttribute("reasonForm", new ReasonForm());
    return minutesView(reader, meetingId, model);
  }

  private String minutesView(MaracReader reader, long meetingId, Model model) {
    model.addAttribute("minutes", minutes.minutes(reader, meetingId));
    model.addAttribute("marac", reader.marac());
    model.addAttribute("reader", reader);
    return "marac/meeting-minutes";
  }

  @PostMapping("/{meetingId}/minutes.pdf")
  Object minutesPdf(
      Partnership partnership,
      @PathVariable long maracId,
      @PathVariable long meetingId,
      @AuthenticationPrincipal SignedInUser user,
      @ModelAttribute("reasonForm") ReasonForm form,
      BindingResult result,
      Model model) {
    MaracReader reader = reader(access, partnership, maracId, user);
    try {
      MaracAccess.checkReason(form.getReason());
    } catch (InvalidInputException e) {
      result.rejectValue("reason", "reason", e.getMessage());
      return minutesView(reader, meetingId, model);
    }
    Meeting meeting = meetings.get(reader, meetingId);
    return pdf(
        partnership,
        meeting,
        "the minutes of MARAC meeting " + meetingId,
        form.getReason(),
        () -> minutes.minutesPdf(reader, meetingId, form.getReason()),
        "marac-minutes-" + meeting.date() + ".pdf");
  }

  private ResponseEntity<Resource> pdf(
      Partnership partnership,
      Meeting meeting,
      String subject,
      String reason,
      Supplier<byte[]> content,
      String name) {
    return exports.download(
        FileExport.of(partnership, Meetings.MEETING, meeting.id(), subject, "pdf")
            .because(MaracAccess.checkReason(reason)),
        content,
        MediaType.APPLICATION_PDF_VALUE,
        name);
  }
}
