package org.ccrhub.marac;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ccrhub.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attendance at a MARAC's meetings, per agency of the partnership, with the signed confidentiality
 * statement: the coordinator records it; everyone with a role sees it. Audited with the meeting's
 * id.
 */
@Service
public class Attendance {

  public static final int MAX_REPRESENTATIVE = 300;

  private final JdbcClient jdbc;
  private final Meetings meetings;
  private final MaracActions actions;

  Attendance(JdbcClient jdbc, Meetings meetings, MaracActions actions) {
    this.jdbc = jdbc;
    this.meetings = meetings;
    this.actions = actions;
  }

  /** Every agency of the partnership with its attendance at the meeting, by name. */
  @Transactional(readOnly = true)
  public List<AttendanceRow> of(MaracReader reader, long meetingId) {
    meetings.get(reader, meetingId);
    return jdbc.sql(
            """
            select a.id, a.name, t.status, t.representative,
                coalesce(t.confidentiality_signed, false) as signed
            from agency a left join marac_attendance t on t.agency_id = a.id
                and t.meeting_id = :meeting
            where a.partnership_id = :p
            order by lower(a.name), a.id
            """)
        .param("meeting", meetingId)
        .param("p", reader.marac().partnershipId())
        .query(
            (rs, n) ->
                new AttendanceRow(
                    rs.getLong("id"),
                    rs.getString("name"),
                    rs.getString("status") == null
                        ? null
                        : AttendanceStatus.valueOf(rs.getString("status")),
                    rs.getString("representative"),
                    rs.getBoolean("signed")))
        .list();
  }

  /**
   * Records the attendance of the agencies given: a row without a status removes that agency's.
   *
   * @throws org.ccrhub.shared.NotFoundException when the reader is not the coordinator, or an
   *     agency is not the partnership's
   * @throws InvalidInputException when the meeting is cancelled or a name is too long
   */
  @Transactional
  public void record(MaracReader reader, long meetingId, List<AttendanceRow> rows) {
    Meetings.requireCoordinator(reader);
    Meeting meeting = meetings.get(reader, meetingId);
    if (meeting.cancelled()) {
      throw new InvalidInputException(
          "This meeting is cancelled: there is no attendance to record");
    }
    Map<AttendanceStatus, Integer> counts = new EnumMap<>(AttendanceStatus.class);
    for (AttendanceRow row : rows) {
      actions.checkAgency(reader, row.agencyId());
      String who = Research.strip(row.representative());
      if (who != null && who.length() > MAX_REPRESENTATIVE) {
        throw new InvalidInputException(
            "The representative's name must be " + MAX_REPRESENTATIVE + " characters or fewer");
      }
      if (row.status() == null) {
        jdbc.sql("delete from marac_attendance where meeting_id = :m and agency_id = :a")
            .param("m", meetingId)
            .param("a", row.agencyId())
            .update();
        continue;
      }
      counts.merge(row.status(), 1, Integer::sum);
      jdbc.sql(
              """
              insert into marac_attendance (meeting_id, agency_id, status, representative,
                  confidentiality_signed)
              values (:m, :a, :s, :who, :signed)
              on conflict (meeting_id, agency_id) do update set status = excluded.status,
                  representative = excluded.representative,
                  confidentiality_signed = excluded.confidentiality_signed
              """)
          .param("m", meetingId)
          .param("a", row.agencyId())
          .param("s", row.status().name())
          .param("who", who)
          .param("signed", row.confidentialitySigned())
          .update();
    }
    StringBuilder summary = new StringBuilder("Recorded attendance:");
    for (AttendanceStatus status : AttendanceStatus.values()) {
      summary
          .append(' ')
          .append(status.label().toLowerCase())
          .append(' ')
          .append(counts.getOrDefault(status, 0))
          .append(';');
    }
    meetings.record(reader, "UPDATE", Meetings.MEETING, meetingId, summary.toString());
  }
}
