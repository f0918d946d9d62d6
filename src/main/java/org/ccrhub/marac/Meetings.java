package org.ccrhub.marac;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The meetings of a MARAC and their agendas. The coordinator schedules meetings (a regular series
 * or an emergency meeting), cancels them, builds an agenda from the referrals not yet heard, moves
 * a case to another meeting and releases the case list to the members for research. Everyone with a
 * role sees the meetings; the cases on an agenda only as {@link MaracAccess#VISIBLE} allows. Every
 * change is audited with the meeting's or the case's id.
 */
@Service
public class Meetings {

  /** The audit trail's object type of a meeting. */
  public static final String MEETING = "MaracMeeting";

  /** The years a meeting may be in (the database holds no other). */
  public static final int FIRST_YEAR = 1990;

  public static final int LAST_YEAR = 2100;

  private static final String COLUMNS =
      """
      m.id, m.marac_id, m.meeting_date, m.kind, m.cancelled, m.released_at,
      (select count(*) from marac_referral c where c.meeting_id = m.id)::int as cases
      """;

  /**
   * The cases on a meeting's agenda the reader may see: the meeting's own, and those with an open
   * action from an earlier meeting and not closed (SafeLives' "outstanding actions"). The ids are
   * found first and each case is then read by its id ({@code offset 0} keeps the lateral read from
   * being merged into a join): without fresh statistics, as after a large import, PostgreSQL
   * otherwise read every referral of the MARAC to pick out the forty (46 ms at 200,000).
   */
  static final String AGENDA =
      """
      select r.id, r.victim_name, r.referral_date, a.name as agency, r.meeting_id,
          (select count(*) from marac_child c where c.referral_id = r.id)::int as children,
          (select count(*) from marac_action x where x.referral_id = r.id
              and x.status = 'OPEN' and x.meeting_id <> :meeting)::int as open_actions,
      """
          + Referrals.IS_REPEAT
          + """
           as repeat
      from (select h.id from marac_referral h where h.meeting_id = :meeting
            union
            select o.id from marac_meeting xm
            join marac_action x on x.meeting_id = xm.id and x.status = 'OPEN'
            join marac_referral o on o.id = x.referral_id
            where xm.marac_id = :reader_marac and xm.meeting_date < :date
                and o.closed_on is null and o.meeting_id <> :meeting) ids
      cross join lateral (select * from marac_referral r where r.id = ids.id and """
          + MaracAccess.VISIBLE
          + """
          offset 0) r
      join agency a on a.id = r.referring_agency_id
      """;

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final MaracAccess access;
  private final Clock clock;

  Meetings(JdbcClient jdbc, AuditTrail audit, MaracAccess access, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.access = access;
    this.clock = clock;
  }

  public LocalDate today() {
    return Dates.today(clock);
  }

  /** Every meeting of the MARAC, by date. */
  @Transactional(readOnly = true)
  public List<Meeting> all(MaracReader reader) {
    return meetings(reader, "true", LocalDate.MIN);
  }

  /** The meetings of the MARAC on or after a day that are not cancelled, by date. */
  @Transactional(readOnly = true)
  public List<Meeting> upcoming(MaracReader reader, LocalDate from) {
    return meetings(reader, "m.meeting_date >= :from and not m.cancelled", from);
  }

  private List<Meeting> meetings(MaracReader reader, String condition, LocalDate from) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from marac_meeting m where m.marac_id = :m and "
                + condition
                + " order by m.meeting_date, m.id")
        .param("m", reader.maracId())
        .param("from", from)
        .query(Meetings::meeting)
        .list();
  }

  /**
   * A meeting of the MARAC.
   *
   * @throws NotFoundException when it is not one of the MARAC's meetings
   */
  @Transactional(readOnly = true)
  public Meeting get(MaracReader reader, long meetingId) {
    return jdbc.sql(
            "select " + COLUMNS + " from marac_meeting m where m.marac_id = :m and m.id = :id")
        .param("m", reader.maracId())
        .param("id", meetingId)
        .query(Meetings::meeting)
        .optional()
        .orElseThrow(() -> new NotFoundException("No such meeting"));
  }

  /**
   * Schedules regular meetings from {@code first}: {@code count} of them in the MARAC's frequency
   * ({@link MeetingSeries}), or one emergency meeting. A date that already has a meeting that is
   * not cancelled is left out.
   *
   * @return the dates scheduled
   * @throws NotFoundException when the reader is not the coordinator
   * @throws InvalidInputException when the count is out of range
   */
  @Transactional
  public List<LocalDate> schedule(
      MaracReader reader, LocalDate first, MeetingKind kind, int count) {
    requireCoordinator(reader);
    if (kind == MeetingKind.IMPORTED) {
      throw new IllegalArgumentException("Imported meetings come with their records");
    }
    if (count < 1 || count > MeetingSeries.MOST) {
      throw new InvalidInputException(
          "The number of meetings must be a whole number from 1 to " + MeetingSeries.MOST);
    }
    if (first.getYear() < FIRST_YEAR || first.getYear() > LAST_YEAR) {
      throw new InvalidInputException(
          "The date of the meeting must be between " + FIRST_YEAR + " and " + LAST_YEAR);
    }
    List<LocalDate> dates =
        kind == MeetingKind.EMERGENCY
            ? List.of(first)
            : MeetingSeries.dates(first, reader.marac().meetingFrequency(), count);
    List<LocalDate> scheduled = new ArrayList<>();
    for (LocalDate date : dates) {
      if (date.getYear() > LAST_YEAR) {
        break;
      }
      boolean taken =
          jdbc.sql(
                  "select exists (select 1 from marac_meeting where marac_id = :m"
                      + " and meeting_date = :d and not cancelled)")
              .param("m", reader.maracId())
              .param("d", date)
              .query(Boolean.class)
              .single();
      if (taken && kind == MeetingKind.REGULAR) {
        continue;
      }
      long id =
          jdbc.sql(
                  "insert into marac_meeting (marac_id, meeting_date, kind) values (:m, :d, :k)"
                      + " returning id")
              .param("m", reader.maracId())
              .param("d", date)
              .param("k", kind.name())
              .query(Long.class)
              .single();
      record(reader, "CREATE", MEETING, id, "Scheduled " + kind.label().toLowerCase() + " meeting");
      scheduled.add(date);
    }
    return scheduled;
  }

  /**
   * Cancels a meeting: its cases go back to waiting for an agenda.
   *
   * @throws InvalidInputException when its date has passed, or actions were recorded at it
   */
  @Transactional
  public void cancel(MaracReader reader, long meetingId) {
    requireCoordinator(reader);
    Meeting meeting = get(reader, meetingId);
    // no action can be added to it (MaracActions.add) while it is being cancelled
    jdbc.sql("select id from marac_meeting where id = :id for update")
        .param("id", meetingId)
        .query(Long.class)
        .single();
    meeting = get(reader, meetingId);
    if (meeting.cancelled()) {
      return;
    }
    if (meeting.date().isBefore(today())) {
      throw new InvalidInputException(
          "The meeting on "
              + Dates.date(meeting.date())
              + " has been held, so it cannot be"
              + " cancelled");
    }
    boolean actions =
        jdbc.sql("select exists (select 1 from marac_action where meeting_id = :id)")
            .param("id", meetingId)
            .query(Boolean.class)
            .single();
    if (actions) {
      throw new InvalidInputException(
          "Actions were recorded at this meeting, so it cannot be cancelled");
    }
    List<Long> cases =
        jdbc.sql(
                "update marac_referral set meeting_id = null, version = version + 1"
                    + " where meeting_id = :id returning id")
            .param("id", meetingId)
            .query(Long.class)
            .list();
    jdbc.sql("update marac_meeting set cancelled = true where id = :id")
        .param("id", meetingId)
        .update();
    record(
        reader,
        "UPDATE",
        MEETING,
        meetingId,
        "Cancelled the meeting"
            + (cases.isEmpty() ? "" : "; its cases wait for another: " + cases));
  }

  /**
   * The agenda of a meeting in the SafeLives order, only with the cases the reader may see, and
   * records that they saw it.
   */
  @Transactional
  public Agenda agenda(MaracReader reader, long meetingId) {
    Agenda agenda = agendaUnaudited(reader, meetingId);
    access.readList(reader, "Looked at the agenda of meeting " + meetingId, agenda.ids());
    return agenda;
  }

  /** The agenda without recording a look: for a printout, which records its own export. */
  @Transactional(readOnly = true)
  public Agenda agendaUnaudited(MaracReader reader, long meetingId) {
    Meeting meeting = get(reader, meetingId);
    // Planning this query costs as much as running it, and a plan for any meeting serves (each
    // part is read by its index whatever the values); PostgreSQL would plan it afresh every time.
    jdbc.sql("set local plan_cache_mode = force_generic_plan").update();
    List<AgendaItem> items =
        jdbc.sql(AGENDA)
            .param("meeting", meetingId)
            .param("date", meeting.date())
            .param("window", reader.marac().settings().repeatWindowMonths())
            .params(MaracAccess.visible(reader))
            .query(
                (rs, n) -> {
                  long meetingOfCase = rs.getLong("meeting_id");
                  int children = rs.getInt("children");
                  AgendaItem.Section section =
                      meetingOfCase != meetingId
                          ? AgendaItem.Section.OUTSTANDING_ACTIONS
                          : children > 0
                              ? AgendaItem.Section.CHILDREN
                              : AgendaItem.Section.ADULTS_ONLY;
                  return new AgendaItem(
                      rs.getLong("id"),
                      rs.getString("victim_name"),
                      rs.getObject("referral_date", LocalDate.class),
                      rs.getString("agency"),
                      children,
                      rs.getBoolean("repeat"),
                      rs.getInt("open_actions"),
                      meetingOfCase,
                      section);
                })
            .list();
    jdbc.sql("set local plan_cache_mode = default").update();
    int waiting =
        reader.coordinates() && !meeting.cancelled() ? waiting(reader, meeting).size() : 0;
    return new Agenda(meeting, items, waiting);
  }

  /** The referrals a build of the agenda would add: not yet heard, not closed, referred by then. */
  private List<Long> waiting(MaracReader reader, Meeting meeting) {
    return jdbc.sql(
            """
            select id from marac_referral where marac_id = :m and meeting_id is null
                and closed_on is null and purged_at is null and referral_date <= :d
            order by referral_date, id
            """)
        .param("m", reader.maracId())
        .param("d", meeting.date())
        .query(Long.class)
        .list();
  }

  /**
   * Builds the agenda: puts every referral not yet heard, not closed and referred by the meeting's
   * date on it.
   *
   * @return how many cases were added
   * @throws InvalidInputException when the meeting is cancelled
   */
  @Transactional
  public int build(MaracReader reader, long meetingId) {
    requireCoordinator(reader);
    Meeting meeting = get(reader, meetingId);
    if (meeting.cancelled()) {
      throw new InvalidInputException("This meeting is cancelled: build the agenda of another");
    }
    List<Long> added =
        jdbc.sql(
                """
                update marac_referral set meeting_id = :meeting, version = version + 1
                where marac_id = :m and meeting_id is null and closed_on is null
                    and purged_at is null and referral_date <= :d
                returning id
                """)
            .param("meeting", meetingId)
            .param("m", reader.maracId())
            .param("d", meeting.date())
            .query(Long.class)
            .list();
    if (!added.isEmpty()) {
      record(
          reader,
          "UPDATE",
          MEETING,
          meetingId,
          "Built the agenda: added " + added.size() + " cases: " + added);
    }
    return added.size();
  }

  /**
   * Moves a case on a meeting's agenda to another meeting, or off every agenda ({@code toMeetingId}
   * empty).
   *
   * @throws NotFoundException when the case is not on this meeting's agenda, or a meeting is not
   *     the MARAC's
   * @throws InvalidInputException when this meeting has taken place, the other is this one, is
   *     cancelled or has taken place, or actions were recorded for the case at this meeting
   */
  @Transactional
  public void move(
      MaracReader reader, long meetingId, long referralId, Optional<Long> toMeetingId) {
    requireCoordinator(reader);
    access.checkVisible(reader, referralId);
    // the two meetings in the order of their ids (so that two moves between them cannot deadlock),
    // so that neither is cancelled, nor an action added to the case, while the case moves
    jdbc.sql(
            "select id from marac_meeting where marac_id = :m and id in (:ids) order by id"
                + " for update")
        .param("m", reader.maracId())
        .param("ids", toMeetingId.map(to -> List.of(meetingId, to)).orElse(List.of(meetingId)))
        .query(Long.class)
        .list();
    requireOnAgenda(meetingId, referralId);
    Meeting from = get(reader, meetingId);
    if (from.date().isBefore(today())) {
      throw new NotFoundException("The cases of a meeting that has taken place stay on it");
    }
    if (toMeetingId.isPresent()) {
      Meeting to = get(reader, toMeetingId.get());
      if (to.id() == meetingId) {
        throw new InvalidInputException("The case is on that meeting's agenda already");
      }
      if (to.cancelled()) {
        throw new InvalidInputException("That meeting is cancelled: choose another");
      }
      if (to.date().isBefore(today())) {
        throw new InvalidInputException("That meeting has taken place: choose one from today on");
      }
    }
    boolean actions =
        jdbc.sql(
                "select exists (select 1 from marac_action where referral_id = :r"
                    + " and meeting_id = :m)")
            .param("r", referralId)
            .param("m", meetingId)
            .query(Boolean.class)
            .single();
    if (actions) {
      throw new InvalidInputException(
          "Actions were recorded for this case at its meeting, so it cannot be moved");
    }
    jdbc.sql("update marac_referral set meeting_id = :to, version = version + 1 where id = :id")
        .param("to", toMeetingId.orElse(null))
        .param("id", referralId)
        .update();
    record(
        reader,
        "UPDATE",
        MaracAccess.CASE,
        referralId,
        toMeetingId
            .map(m -> "Moved the case to meeting " + m + " from meeting " + meetingId)
            .orElse("Took the case off the agenda of meeting " + meetingId));
  }

  private void requireOnAgenda(long meetingId, long referralId) {
    boolean onThisAgenda =
        jdbc.sql("select exists (select 1 from marac_referral where id = :id and meeting_id = :m)")
            .param("id", referralId)
            .param("m", meetingId)
            .query(Boolean.class)
            .single();
    if (!onThisAgenda) {
      throw new NotFoundException("No such case on this agenda");
    }
  }

  /**
   * The meetings a case on the agenda of a meeting to come may be moved to: those from today on
   * that are not cancelled, but this one. Only the coordinator moves cases.
   *
   * @throws NotFoundException when the reader is not the coordinator, the case is not on this
   *     meeting's agenda, or the meeting has taken place
   */
  @Transactional(readOnly = true)
  public List<Meeting> moveTargets(MaracReader reader, long meetingId, long referralId) {
    requireCoordinator(reader);
    access.checkVisible(reader, referralId);
    requireOnAgenda(meetingId, referralId);
    LocalDate today = today();
    if (get(reader, meetingId).date().isBefore(today)) {
      throw new NotFoundException("The cases of a meeting that has taken place stay on it");
    }
    return upcoming(reader, today).stream().filter(m -> m.id() != meetingId).toList();
  }

  /**
   * Releases the case list of a meeting to the members for research. Releasing before the MARAC's
   * release date is allowed (the page warns); releasing again changes nothing.
   *
   * @return whether it was released now (false when it was already)
   */
  @Transactional
  public boolean release(MaracReader reader, long meetingId) {
    requireCoordinator(reader);
    Meeting meeting = get(reader, meetingId);
    if (meeting.cancelled()) {
      throw new InvalidInputException(
          "This meeting is cancelled: its case list cannot be released");
    }
    if (meeting.released()) {
      return false;
    }
    jdbc.sql("update marac_meeting set released_at = :at, released_by = :by where id = :id")
        .param("at", Timestamp.from(clock.instant()))
        .param("by", reader.actorName())
        .param("id", meetingId)
        .update();
    LocalDate due = reader.marac().settings().researchReleaseDate(meeting.date());
    record(
        reader,
        "UPDATE",
        MEETING,
        meetingId,
        "Released the case list to the members"
            + (today().isBefore(due) ? ", before its release date " + due : ""));
    return true;
  }

  /** The day the meeting's case list is due to be released. */
  public LocalDate releaseDate(MaracReader reader, Meeting meeting) {
    return reader.marac().settings().researchReleaseDate(meeting.date());
  }

  /**
   * Records the risks discussed for a case at its meeting: the coordinator or the chair.
   *
   * @throws NotFoundException when the reader may not, or the case is not theirs to see
   * @throws InvalidInputException when the case is not on an agenda, or the text is too long
   */
  @Transactional
  public void recordRisks(MaracReader reader, long referralId, String risks) {
    if (!reader.seesEveryCase()) {
      throw new NotFoundException("No such case");
    }
    access.checkVisible(reader, referralId);
    String text = risks == null ? "" : risks.strip();
    if (text.length() > 8000) {
      throw new InvalidInputException("The risks discussed must be 8,000 characters or fewer");
    }
    int updated =
        jdbc.sql(
                "update marac_referral set risks_discussed = :t, version = version + 1"
                    + " where id = :id and meeting_id is not null")
            .param("t", text.isEmpty() ? null : text)
            .param("id", referralId)
            .update();
    if (updated == 0) {
      throw new InvalidInputException("Put the case on a meeting's agenda before recording risks");
    }
    record(reader, "UPDATE", MaracAccess.CASE, referralId, "Recorded the risks discussed");
  }

  static void requireCoordinator(MaracReader reader) {
    if (!reader.coordinates()) {
      throw new NotFoundException("Only the coordinator does this");
    }
  }

  void record(MaracReader reader, String action, String type, long id, String summary) {
    audit.recordFor(
        reader.actorName(),
        reader.accountId(),
        AuditEntry.success(
            action,
            type,
            id,
            reader.marac().partnershipId(),
            summary + " (" + reader.marac().name() + ")"));
  }

  private static Meeting meeting(ResultSet rs, int row) throws SQLException {
    Timestamp released = rs.getTimestamp("released_at");
    return new Meeting(
        rs.getLong("id"),
        rs.getLong("marac_id"),
        rs.getObject("meeting_date", LocalDate.class),
        MeetingKind.valueOf(rs.getString("kind")),
        rs.getBoolean("cancelled"),
        released == null ? null : released.toInstant(),
        rs.getInt("cases"));
  }
}
