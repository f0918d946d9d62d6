package org.ccrhub.marac;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each member agency's research for a case before its meeting (ADR 19): a member records and reads
 * only the research of the agencies they represent; the coordinator and the chair read every
 * agency's. Recording is audited with the case's id.
 */
@Service
public class Research {

  public static final int MAX_TEXT = 20000;
  public static final int MAX_NOT_SHARED = 4000;

  private final JdbcClient jdbc;
  private final MaracAccess access;
  private final Meetings meetings;
  private final Clock clock;

  Research(JdbcClient jdbc, MaracAccess access, Meetings meetings, Clock clock) {
    this.jdbc = jdbc;
    this.access = access;
    this.meetings = meetings;
    this.clock = clock;
  }

  /**
   * The case as its meeting page shows it, recording nothing (the page records its look).
   *
   * @throws NotFoundException when the reader may not see it
   */
  @Transactional(readOnly = true)
  public MeetingCase meetingCase(MaracReader reader, long referralId) {
    access.checkVisible(reader, referralId);
    return jdbc.sql(
            """
            select r.id, r.victim_name, r.referral_date, a.name as agency, r.meeting_id,
                m.meeting_date, r.risks_discussed, r.closed_on
            from marac_referral r join agency a on a.id = r.referring_agency_id
                left join marac_meeting m on m.id = r.meeting_id
            where r.id = :id and r.marac_id = :m
            """)
        .param("id", referralId)
        .param("m", reader.maracId())
        .query(
            (rs, n) ->
                new MeetingCase(
                    rs.getLong("id"),
                    rs.getString("victim_name"),
                    rs.getObject("referral_date", LocalDate.class),
                    rs.getString("agency"),
                    (Long) rs.getObject("meeting_id"),
                    rs.getObject("meeting_date", LocalDate.class),
                    rs.getString("risks_discussed"),
                    rs.getObject("closed_on") != null))
        .optional()
        .orElseThrow(() -> new NotFoundException("No such case"));
  }

  /** The research on a case the reader may read: every agency's, or their own agencies'. */
  @Transactional(readOnly = true)
  public List<AgencyResearch> forCase(MaracReader reader, long referralId) {
    access.checkVisible(reader, referralId);
    return jdbc.sql(
            """
            select s.agency_id, a.name, s.facts, s.opinion, s.not_shared, s.recorded_by,
                s.recorded_at
            from marac_research s join agency a on a.id = s.agency_id
            where s.referral_id = :id and (:all or s.agency_id in (:agencies))
            order by lower(a.name), s.agency_id
            """)
        .param("id", referralId)
        .param("all", reader.seesEveryCase())
        .param("agencies", agencyList(reader.agencies()))
        .query(
            (rs, n) ->
                new AgencyResearch(
                    rs.getLong("agency_id"),
                    rs.getString("name"),
                    rs.getString("facts"),
                    rs.getString("opinion"),
                    rs.getString("not_shared"),
                    rs.getString("recorded_by"),
                    rs.getTimestamp("recorded_at").toInstant()))
        .list();
  }

  /**
   * Records (or replaces) an agency's research for a case. Only a member representing the agency
   * may.
   *
   * @throws NotFoundException when the reader does not represent the agency or may not see the case
   * @throws InvalidInputException when nothing is given or a text is too long (each problem named
   *     by field in {@link ResearchRejectedException})
   */
  @Transactional
  public void record(
      MaracReader reader,
      long referralId,
      long agencyId,
      @Nullable String facts,
      @Nullable String opinion,
      @Nullable String notShared) {
    if (!reader.agencies().contains(agencyId)) {
      throw new NotFoundException("No such agency research");
    }
    access.checkVisible(reader, referralId);
    String f = strip(facts);
    String o = strip(opinion);
    String s = strip(notShared);
    List<MaracSettings.Problem> problems = new ArrayList<>();
    if (f == null && o == null && s == null) {
      problems.add(
          new MaracSettings.Problem(
              "facts", "Enter the facts your agency holds, its opinion, or what it did not share"));
    }
    if (f != null && f.length() > MAX_TEXT) {
      problems.add(
          new MaracSettings.Problem("facts", "The facts must be 20,000 characters or fewer"));
    }
    if (o != null && o.length() > MAX_TEXT) {
      problems.add(
          new MaracSettings.Problem("opinion", "The opinion must be 20,000 characters or fewer"));
    }
    if (s != null && s.length() > MAX_NOT_SHARED) {
      problems.add(
          new MaracSettings.Problem(
              "notShared", "What was not shared must be 4,000 characters or fewer"));
    }
    if (!problems.isEmpty()) {
      throw new ResearchRejectedException(problems);
    }
    jdbc.sql(
            """
            insert into marac_research (referral_id, agency_id, facts, opinion, not_shared,
                recorded_by, recorded_at)
            values (:r, :a, :f, :o, :s, :by, :at)
            on conflict (referral_id, agency_id) do update set facts = excluded.facts,
                opinion = excluded.opinion, not_shared = excluded.not_shared,
                recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at
            """)
        .param("r", referralId)
        .param("a", agencyId)
        .param("f", f)
        .param("o", o)
        .param("s", s)
        .param("by", reader.actorName())
        .param("at", Timestamp.from(clock.instant()))
        .update();
    meetings.record(
        reader,
        "UPDATE",
        MaracAccess.CASE,
        referralId,
        "Recorded the research of agency " + agencyId);
  }

  static List<Long> agencyList(Set<Long> agencies) {
    return agencies.isEmpty() ? List.of(-1L) : List.copyOf(agencies);
  }

  static @Nullable String strip(@Nullable String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
