package org.ccrhub.marac;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The action plans of cases: SMART actions added at the meeting by the coordinator or the chair,
 * each assigned to an agency with a due date; the agency's members update their status before the
 * next meeting. Everyone who may see a case sees all its actions (ADR 19). Every change is audited
 * with the case's id.
 */
@Service
public class MaracActions {

  public static final int MAX_DESCRIPTION = 4000;
  public static final int MAX_NOTE = 4000;

  private static final String SELECT =
      """
      select x.id, x.referral_id, x.meeting_id, m.meeting_date, x.agency_id, a.name as agency,
          x.description, x.due_on, x.status, x.update_note, x.updated_by, x.updated_at,
          r.victim_name
      from marac_action x join marac_referral r on r.id = x.referral_id
          join marac_meeting m on m.id = x.meeting_id join agency a on a.id = x.agency_id
      """;

  private final JdbcClient jdbc;
  private final MaracAccess access;
  private final Meetings meetings;
  private final Clock clock;

  MaracActions(JdbcClient jdbc, MaracAccess access, Meetings meetings, Clock clock) {
    this.jdbc = jdbc;
    this.access = access;
    this.meetings = meetings;
    this.clock = clock;
  }

  /** Every action of a case, by due date. */
  @Transactional(readOnly = true)
  public List<MaracAction> forCase(MaracReader reader, long referralId) {
    access.checkVisible(reader, referralId);
    return jdbc.sql(SELECT + " where x.referral_id = :r order by x.due_on, x.id")
        .param("r", referralId)
        .query(MaracActions::action)
        .list();
  }

  /**
   * Adds an action to the case's plan at the meeting it is heard at: the coordinator or the chair.
   *
   * @throws NotFoundException when the reader may not, the case is not theirs to see, or the agency
   *     is not the partnership's
   * @throws InvalidInputException when the description is missing or too long, or the case is on no
   *     agenda
   */
  @Transactional
  public long add(
      MaracReader reader, long referralId, long agencyId, String description, LocalDate dueOn) {
    if (!reader.seesEveryCase()) {
      throw new NotFoundException("No such case");
    }
    access.checkVisible(reader, referralId);
    checkAgency(reader, agencyId);
    String text = description == null ? "" : description.strip();
    if (text.isEmpty()) {
      throw new InvalidInputException("Enter what the agency will do");
    }
    if (text.length() > MAX_DESCRIPTION) {
      throw new InvalidInputException("The action must be 4,000 characters or fewer");
    }
    Long meetingId =
        jdbc.sql("select meeting_id from marac_referral where id = :r")
            .param("r", referralId)
            .query(Long.class)
            .optional()
            .orElse(null);
    if (meetingId != null) {
      // waits for a cancellation of the meeting under way (Meetings.cancel), then looks again
      jdbc.sql("select id from marac_meeting where id = :m for share")
          .param("m", meetingId)
          .query(Long.class)
          .single();
      meetingId =
          jdbc.sql(
                  "select r.meeting_id from marac_referral r"
                      + " join marac_meeting m on m.id = r.meeting_id and not m.cancelled"
                      + " where r.id = :r")
              .param("r", referralId)
              .query(Long.class)
              .optional()
              .orElse(null);
    }
    if (meetingId == null) {
      throw new InvalidInputException(
          "Put the case on a meeting's agenda before adding actions to its plan");
    }
    long id =
        jdbc.sql(
                """
                insert into marac_action (referral_id, meeting_id, agency_id, description, due_on)
                values (:r, :m, :a, :d, :due) returning id
                """)
            .param("r", referralId)
            .param("m", meetingId)
            .param("a", agencyId)
            .param("d", text)
            .param("due", dueOn)
            .query(Long.class)
            .single();
    meetings.record(
        reader,
        "UPDATE",
        MaracAccess.CASE,
        referralId,
        "Added action " + id + " for agency " + agencyId + " due " + dueOn);
    return id;
  }

  /**
   * Updates an action's status and note: a member of its agency, the coordinator or the chair.
   *
   * @throws NotFoundException when the action is not the MARAC's or the reader may not update it
   * @throws InvalidInputException when the note is too long
   */
  @Transactional
  public void update(
      MaracReader reader, long actionId, ActionStatus status, @Nullable String note) {
    MaracAction action = get(reader, actionId);
    if (!reader.seesEveryCase() && !reader.agencies().contains(action.agencyId())) {
      throw new NotFoundException("No such action");
    }
    String text = Research.strip(note);
    if (text != null && text.length() > MAX_NOTE) {
      throw new InvalidInputException("The note must be 4,000 characters or fewer");
    }
    jdbc.sql(
            """
            update marac_action set status = :s, update_note = :n, updated_by = :by,
                updated_at = :at where id = :id
            """)
        .param("s", status.name())
        .param("n", text)
        .param("by", reader.actorName())
        .param("at", Timestamp.from(clock.instant()))
        .param("id", actionId)
        .update();
    meetings.record(
        reader,
        "UPDATE",
        MaracAccess.CASE,
        action.referralId(),
        "Updated action " + actionId + ": " + status.label());
  }

  /**
   * One action of the MARAC on a case the reader may see.
   *
   * @throws NotFoundException otherwise
   */
  @Transactional(readOnly = true)
  public MaracAction get(MaracReader reader, long actionId) {
    MaracAction action =
        jdbc.sql(SELECT + " where x.id = :id and r.marac_id = :m")
            .param("id", actionId)
            .param("m", reader.maracId())
            .query(MaracActions::action)
            .optional()
            .orElseThrow(() -> new NotFoundException("No such action"));
    access.checkVisible(reader, action.referralId());
    return action;
  }

  /**
   * The actions of the agencies the reader represents, on the cases they may see: overdue first,
   * then the other open ones by due date, then the finished ones. The look is audited.
   */
  @Transactional
  public List<MaracAction> ours(MaracReader reader) {
    List<MaracAction> actions =
        jdbc.sql(
                SELECT
                    + " where x.agency_id in (:agencies) and "
                    + MaracAccess.VISIBLE
                    + """
                     order by (x.status = 'OPEN' and x.due_on < :today) desc,
                        (x.status = 'OPEN') desc, x.due_on, x.id
                    """)
            .param("agencies", Research.agencyList(reader.agencies()))
            .param("today", meetings.today())
            .params(MaracAccess.visible(reader))
            .query(MaracActions::action)
            .list();
    access.readList(
        reader,
        "Looked at their agencies' actions",
        actions.stream().map(MaracAction::referralId).distinct().toList());
    return actions;
  }

  /** The actions agreed at a meeting, for its minutes. */
  @Transactional(readOnly = true)
  public List<MaracAction> atMeeting(MaracReader reader, long meetingId) {
    return jdbc.sql(
            SELECT
                + " where x.meeting_id = :meeting and "
                + MaracAccess.VISIBLE
                + " order by x.referral_id, x.due_on, x.id")
        .param("meeting", meetingId)
        .params(MaracAccess.visible(reader))
        .query(MaracActions::action)
        .list();
  }

  /** The partnership's agencies by name, for choosing one. */
  @Transactional(readOnly = true)
  public java.util.Map<Long, String> agencyNames(MaracReader reader) {
    java.util.Map<Long, String> names = new java.util.LinkedHashMap<>();
    jdbc.sql("select id, name from agency where partnership_id = :p order by lower(name), id")
        .param("p", reader.marac().partnershipId())
        .query(
            rs -> {
              names.put(rs.getLong("id"), rs.getString("name"));
            });
    return names;
  }

  void checkAgency(MaracReader reader, long agencyId) {
    boolean ours =
        jdbc.sql("select exists (select 1 from agency where id = :a and partnership_id = :p)")
            .param("a", agencyId)
            .param("p", reader.marac().partnershipId())
            .query(Boolean.class)
            .single();
    if (!ours) {
      throw new NotFoundException("No such agency");
    }
  }

  private static MaracAction action(ResultSet rs, int row) throws SQLException {
    Timestamp updated = rs.getTimestamp("updated_at");
    return new MaracAction(
        rs.getLong("id"),
        rs.getLong("referral_id"),
        rs.getLong("meeting_id"),
        rs.getObject("meeting_date", LocalDate.class),
        rs.getLong("agency_id"),
        rs.getString("agency"),
        rs.getString("description"),
        rs.getObject("due_on", LocalDate.class),
        ActionStatus.valueOf(rs.getString("status")),
        rs.getString("update_note"),
        rs.getString("updated_by"),
        updated == null ? null : updated.toInstant(),
        rs.getString("victim_name"));
  }
}
