package org.ccrhub.marac;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ccrhub.documents.Documents;
import org.ccrhub.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A meeting's minutes and its case list for research, on screen and as PDFs marked
 * OFFICIAL-SENSITIVE at the top and bottom of every page. Looking at either is audited; each PDF is
 * an export, audited with the reason the person gave ({@link MaracAccess#export}). Members get the
 * case list only once it is released to them.
 */
@Service
public class Minutes {

  /** The protective marking of every page, printout and export with case data. */
  public static final String MARKING = "OFFICIAL-SENSITIVE";

  private final JdbcClient jdbc;
  private final MaracAccess access;
  private final Meetings meetings;
  private final Attendance attendance;
  private final MaracActions actions;
  private final Documents documents;

  Minutes(
      JdbcClient jdbc,
      MaracAccess access,
      Meetings meetings,
      Attendance attendance,
      MaracActions actions,
      Documents documents) {
    this.jdbc = jdbc;
    this.access = access;
    this.meetings = meetings;
    this.attendance = attendance;
    this.actions = actions;
    this.documents = documents;
  }

  /** The minutes, recording that the reader looked at them. */
  @Transactional
  public MeetingMinutes minutes(MaracReader reader, long meetingId) {
    MeetingMinutes minutes = unaudited(reader, meetingId);
    access.readList(reader, "Looked at the minutes of meeting " + meetingId, minutes.ids());
    return minutes;
  }

  /** The minutes as a PDF, recording the export with its reason. */
  @Transactional
  public byte[] minutesPdf(MaracReader reader, long meetingId, String reason) {
    MaracAccess.checkReason(reason);
    MeetingMinutes minutes = unaudited(reader, meetingId);
    access.export(reader, "Downloaded the minutes of meeting " + meetingId, reason, minutes.ids());
    return documents.pdf(
        "marac/meeting-minutes-document",
        model(reader, minutes.meeting(), "Minutes", Map.of("minutes", minutes)),
        "These minutes are too long to make as a PDF: use the minutes page instead.");
  }

  /**
   * The released case list as a PDF, recording the export with its reason.
   *
   * @throws NotFoundException when the reader is a member or IDVA and the list is not released yet
   */
  @Transactional
  public byte[] caseListPdf(MaracReader reader, long meetingId, String reason) {
    MaracAccess.checkReason(reason);
    Agenda agenda = caseList(reader, meetingId);
    access.export(reader, "Downloaded the case list of meeting " + meetingId, reason, agenda.ids());
    return documents.pdf(
        "marac/meeting-case-list-document",
        model(reader, agenda.meeting(), "Case list", Map.of("agenda", agenda)),
        "This case list is too long to make as a PDF.");
  }

  /** The case list a reader may download: for members only once released. */
  @Transactional(readOnly = true)
  public Agenda caseList(MaracReader reader, long meetingId) {
    Meeting meeting = meetings.get(reader, meetingId);
    if (!reader.seesEveryCase() && !meeting.released()) {
      throw new NotFoundException("No such case list");
    }
    return meetings.agendaUnaudited(reader, meetingId);
  }

  private Map<String, Object> model(
      MaracReader reader, Meeting meeting, String paper, Map<String, Object> more) {
    Map<String, Object> model = new HashMap<>(more);
    model.put(
        "paperName",
        paper + ", " + reader.marac().name() + ", " + org.ccrhub.shared.Dates.date(meeting.date()));
    model.put("marac", reader.marac());
    model.put("meeting", meeting);
    model.put("marking", MARKING);
    model.put("produced", meetings.today());
    model.put("producedBy", reader.actorName());
    return model;
  }

  private MeetingMinutes unaudited(MaracReader reader, long meetingId) {
    Agenda agenda = meetings.agendaUnaudited(reader, meetingId);
    Map<Long, String> risks = new HashMap<>();
    jdbc.sql("select id, risks_discussed from marac_referral where meeting_id = :m")
        .param("m", meetingId)
        .query(
            rs -> {
              risks.put(rs.getLong("id"), rs.getString("risks_discussed"));
            });
    Map<Long, List<MaracAction>> byCase = new LinkedHashMap<>();
    for (MaracAction action : actions.atMeeting(reader, meetingId)) {
      byCase.computeIfAbsent(action.referralId(), k -> new java.util.ArrayList<>()).add(action);
    }
    List<MinutesCase> cases =
        agenda.newCases().stream()
            .map(
                item ->
                    new MinutesCase(
                        item,
                        risks.get(item.referralId()),
                        byCase.getOrDefault(item.referralId(), List.of())))
            .toList();
    List<AttendanceRow> present =
        attendance.of(reader, meetingId).stream().filter(AttendanceRow::recorded).toList();
    return new MeetingMinutes(reader.marac(), agenda.meeting(), present, cases);
  }
}
