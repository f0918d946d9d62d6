package org.ccrhub.marac;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audit sampling (for the coordinator and the chair): N cases drawn at random from those heard at a
 * meeting in a period, by default the MARAC's {@code auditSampleSize} over its last {@code
 * auditIntervalMonths}, and each case's audit against the agreed outcomes. Drawing is audited with
 * the sample's id and the cases drawn; each audit with the case's id.
 */
@Service
public class AuditSamples {

  /** The audit trail's object type of a sample. */
  public static final String SAMPLE = "MaracAuditSample";

  private final JdbcClient jdbc;
  private final MaracAccess access;
  private final Meetings meetings;
  private final Clock clock;

  AuditSamples(JdbcClient jdbc, MaracAccess access, Meetings meetings, Clock clock) {
    this.jdbc = jdbc;
    this.access = access;
    this.meetings = meetings;
    this.clock = clock;
  }

  /** The default period: the MARAC's audit interval up to today. */
  public LocalDate defaultFrom(MaracReader reader) {
    return meetings
        .today()
        .minusMonths(reader.marac().settings().auditIntervalMonths())
        .plusDays(1);
  }

  /**
   * Draws a sample of at most {@code size} distinct cases heard at meetings (not cancelled) from
   * {@code from} to {@code to}.
   *
   * @throws NotFoundException when the reader is neither the coordinator nor the chair
   * @throws InvalidInputException when the size is out of range, the dates the wrong way round, or
   *     no case was heard in the period
   */
  @Transactional
  public long draw(MaracReader reader, LocalDate from, LocalDate to, int size) {
    requireAuditor(reader);
    if (size < 1 || size > 1000) {
      throw new InvalidInputException("The number of cases must be a whole number from 1 to 1,000");
    }
    if (to.isBefore(from)) {
      throw new InvalidInputException(
          "The end of the period must be the same as or after its start");
    }
    long id =
        jdbc.sql(
                """
                insert into marac_audit_sample (marac_id, from_date, to_date, drawn_by, drawn_at)
                values (:m, :f, :t, :by, :at) returning id
                """)
            .param("m", reader.maracId())
            .param("f", from)
            .param("t", to)
            .param("by", reader.actorName())
            .param("at", Timestamp.from(clock.instant()))
            .query(Long.class)
            .single();
    List<Long> drawn =
        jdbc.sql(
                """
                insert into marac_audit_sample_case (sample_id, referral_id)
                select :s, r.id from marac_referral r join marac_meeting m on m.id = r.meeting_id
                where r.marac_id = :m and not m.cancelled and m.meeting_date between :f and :t
                    and m.meeting_date <= :today
                order by random() limit :n
                returning referral_id
                """)
            .param("s", id)
            .param("m", reader.maracId())
            .param("f", from)
            .param("t", to)
            .param("today", meetings.today())
            .param("n", size)
            .query(Long.class)
            .list();
    if (drawn.isEmpty()) {
      throw new InvalidInputException(
          "No case was heard at a meeting from "
              + Dates.date(from)
              + " to "
              + Dates.date(to)
              + ": choose another period");
    }
    meetings.record(
        reader,
        "CREATE",
        SAMPLE,
        id,
        "Drew an audit sample of " + drawn.size() + " cases: " + drawn.stream().sorted().toList());
    return id;
  }

  /** The MARAC's samples, newest first, without their cases. */
  @Transactional(readOnly = true)
  public List<AuditSample> all(MaracReader reader) {
    requireAuditor(reader);
    return jdbc.sql(
            """
            select s.id, s.from_date, s.to_date, s.drawn_by, s.drawn_at,
                (select count(*) from marac_audit_sample_case c where c.sample_id = s.id)::int as drawn,
                (select count(*) from marac_audit_sample_case c where c.sample_id = s.id
                    and c.outcome is not null)::int as audited
            from marac_audit_sample s where s.marac_id = :m order by s.drawn_at desc, s.id desc
            """)
        .param("m", reader.maracId())
        .query(
            (rs, n) ->
                new AuditSample(
                    rs.getLong("id"),
                    rs.getObject("from_date", LocalDate.class),
                    rs.getObject("to_date", LocalDate.class),
                    rs.getString("drawn_by"),
                    rs.getTimestamp("drawn_at").toInstant(),
                    rs.getInt("drawn"),
                    rs.getInt("audited"),
                    List.of()))
        .list();
  }

  /** A sample with its cases, recording that the reader looked at them. */
  @Transactional
  public AuditSample get(MaracReader reader, long sampleId) {
    AuditSample sample =
        all(reader).stream()
            .filter(s -> s.id() == sampleId)
            .findFirst()
            .orElseThrow(() -> new NotFoundException("No such audit sample"));
    List<AuditSample.SampledCase> cases =
        jdbc.sql(
                """
                select r.id, r.victim_name, m.meeting_date, c.outcome, c.notes, c.audited_by
                from marac_audit_sample_case c join marac_referral r on r.id = c.referral_id
                    join marac_meeting m on m.id = r.meeting_id
                where c.sample_id = :s order by m.meeting_date, r.id
                """)
            .param("s", sampleId)
            .query(
                (rs, n) ->
                    new AuditSample.SampledCase(
                        rs.getLong("id"),
                        rs.getString("victim_name"),
                        rs.getObject("meeting_date", LocalDate.class),
                        rs.getString("outcome") == null
                            ? null
                            : AuditOutcome.valueOf(rs.getString("outcome")),
                        rs.getString("notes"),
                        rs.getString("audited_by")))
            .list();
    access.readList(
        reader,
        "Looked at audit sample " + sampleId,
        cases.stream().map(AuditSample.SampledCase::referralId).toList());
    return new AuditSample(
        sample.id(),
        sample.from(),
        sample.to(),
        sample.drawnBy(),
        sample.drawnAt(),
        sample.drawn(),
        sample.audited(),
        cases);
  }

  /**
   * Records the audit of a case of the sample.
   *
   * @throws NotFoundException when the case is not in the MARAC's sample
   * @throws InvalidInputException when the notes are too long
   */
  @Transactional
  public void record(
      MaracReader reader,
      long sampleId,
      long referralId,
      AuditOutcome outcome,
      @Nullable String notes) {
    requireAuditor(reader);
    String text = Research.strip(notes);
    if (text != null && text.length() > 4000) {
      throw new InvalidInputException("The notes must be 4,000 characters or fewer");
    }
    int updated =
        jdbc.sql(
                """
                update marac_audit_sample_case c set outcome = :o, notes = :n, audited_by = :by,
                    audited_at = :at
                from marac_audit_sample s
                where s.id = c.sample_id and s.marac_id = :m and c.sample_id = :s
                    and c.referral_id = :r
                """)
            .param("o", outcome.name())
            .param("n", text)
            .param("by", reader.actorName())
            .param("at", Timestamp.from(clock.instant()))
            .param("m", reader.maracId())
            .param("s", sampleId)
            .param("r", referralId)
            .update();
    if (updated == 0) {
      throw new NotFoundException("No such case in the sample");
    }
    meetings.record(
        reader,
        "UPDATE",
        MaracAccess.CASE,
        referralId,
        "Audited the case in sample " + sampleId + ": " + outcome.label());
  }

  static void requireAuditor(MaracReader reader) {
    if (!reader.seesEveryCase()) {
      throw new NotFoundException("No such audit sample");
    }
  }
}
