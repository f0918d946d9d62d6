package org.ccrhub.sharing;

import java.time.LocalDate;
import java.util.List;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.shared.AdvisoryLock;
import org.ccrhub.shared.Partnership;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retention of information sharing's personal details. A request's subjects' names, addresses and
 * dates of birth, and its free text (what was sought, the purpose, why urgent, why consent was not
 * sought), go its protocol's retention years (6 unless set) after the decision in force, or after
 * the request day if it was never decided. A consent record's details go 6 years after it was
 * given, withdrawn or last relied on, whichever is latest. What stays: the request's number,
 * agencies, dates, roles, consent answers and lawful bases, and the decision log, which names no
 * resident. A file kept with a decision goes on its day (its protocol's days after it was added), a
 * consent form's scan with its record's details; their names, sizes and hashes stay.
 */
@Service
public class SharingRetention {

  /** How long a consent record's details are kept after it was last given, withdrawn or used. */
  static final int CONSENT_YEARS = 6;

  /** The kinds of {@link Due}. */
  static final String REQUEST = "request";

  static final String CONSENT = "consent record";

  static final String FILE = "file";

  private final AuditTrail audit;
  private final JdbcClient jdbc;

  SharingRetention(AuditTrail audit, JdbcClient jdbc) {
    this.audit = audit;
    this.jdbc = jdbc;
  }

  /** A request or consent record whose details are due to go, by number and dates only. */
  public record Due(String kind, long number, LocalDate from, LocalDate keptUntil) {}

  /** What is due to go on the day, requests first, by number. */
  @Transactional(readOnly = true)
  public List<Due> due(Partnership partnership, LocalDate today) {
    List<Due> due =
        new java.util.ArrayList<>(
            jdbc.sql(
                    """
                    select r.number, coalesce(d.decided_on, r.requested_on) as start,
                           (coalesce(d.decided_on, r.requested_on)
                            + make_interval(years => p.retention_years))::date as kept_until
                    from sharing_request r
                    join sharing_protocol p on p.id = r.protocol_id
                    left join lateral (
                        select decided_on from sharing_decision d where d.request_id = r.id
                        order by d.id desc limit 1) d on true
                    where r.partnership_id = :p and r.purged_at is null
                      and (coalesce(d.decided_on, r.requested_on)
                           + make_interval(years => p.retention_years))::date < :today
                    order by r.number
                    """)
                .param("p", partnership.id())
                .param("today", today)
                .query(
                    (rs, n) ->
                        new Due(
                            REQUEST,
                            rs.getLong(1),
                            rs.getObject(2, LocalDate.class),
                            rs.getObject(3, LocalDate.class)))
                .list());
    due.addAll(
        jdbc.sql(
                """
                select c.id, g.last_day,
                       (g.last_day + make_interval(years => :years))::date as kept_until
                from sharing_consent c
                cross join lateral (
                    select greatest(c.given_on, coalesce(c.withdrawn_on, c.given_on),
                        coalesce((select max(r.requested_on) from sharing_subject s
                                  join sharing_request r on r.id = s.request_id
                                  where s.consent_id = c.id), c.given_on)) as last_day) g
                where c.partnership_id = :p and c.purged_at is null
                  and (g.last_day + make_interval(years => :years))::date < :today
                order by c.id
                """)
            .param("p", partnership.id())
            .param("years", CONSENT_YEARS)
            .param("today", today)
            .query(
                (rs, n) ->
                    new Due(
                        CONSENT,
                        rs.getLong(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class)))
            .list());
    due.addAll(
        jdbc.sql(
                """
                select a.id, (a.uploaded_at at time zone 'Europe/London')::date, a.remove_on - 1
                from sharing_attachment a
                where a.partnership_id = :p and a.removed_at is null and a.remove_on <= :today
                order by a.id
                """)
            .param("p", partnership.id())
            .param("today", today)
            .query(
                (rs, n) ->
                    new Due(
                        FILE,
                        rs.getLong(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class)))
            .list());
    return due;
  }

  /** Removes the details due on the day; the number of requests and records purged. */
  @Transactional
  public int purge(Partnership partnership, LocalDate today, String by) {
    // what is due is read under the lock, so two nodes (or a node and the command) purge it once
    AdvisoryLock.SHARING_RETENTION.lock(jdbc, partnership.id());
    List<Due> due = due(partnership, today);
    List<Long> requests =
        due.stream().filter(d -> d.kind().equals(REQUEST)).map(Due::number).toList();
    List<Long> records =
        due.stream().filter(d -> d.kind().equals(CONSENT)).map(Due::number).toList();
    List<Long> files = due.stream().filter(d -> d.kind().equals(FILE)).map(Due::number).toList();
    if (!requests.isEmpty()) {
      Long[] numbers = requests.toArray(Long[]::new);
      jdbc.sql(
              """
              update sharing_subject s set name = null, address = null, dob = null,
                  not_sought_reason = null
              from sharing_request r
              where r.id = s.request_id and r.partnership_id = :p and r.number = any(:n)
              """)
          .param("p", partnership.id())
          .param("n", numbers)
          .update();
      jdbc.sql(
              """
              update sharing_request set information_sought = null, purpose = null,
                  urgency_reason = null, purged_at = now()
              where partnership_id = :p and number = any(:n)
              """)
          .param("p", partnership.id())
          .param("n", numbers)
          .update();
    }
    if (!records.isEmpty()) {
      Long[] ids = records.toArray(Long[]::new);
      jdbc.sql(
              """
              update sharing_consent set subject_name = null, subject_address = null,
                  subject_dob = null, given_by_name = null, covers = null, purposes = null,
                  purged_at = now()
              where partnership_id = :p and id = any(:ids)
              """)
          .param("p", partnership.id())
          .param("ids", ids)
          .update();
    }
    if (!records.isEmpty() || !files.isEmpty()) {
      // a decision's files on their day; a consent form's scans with their record's details
      jdbc.sql(
              """
              update sharing_attachment set content = null, removed_at = now(), removed_by = :by
              where partnership_id = :p and removed_at is null
                and (id = any(:files) or consent_id = any(:records))
              """)
          .param("p", partnership.id())
          .param("files", files.toArray(Long[]::new))
          .param("records", records.toArray(Long[]::new))
          .param("by", "Retention (" + by + ")")
          .update();
    }
    if (!due.isEmpty()) {
      audit.record(
          AuditEntry.success(
              "PURGE",
              "SharingRequests",
              partnership.id(),
              partnership.id(),
              "Removed personal details at retention, by "
                  + by
                  + ": requests "
                  + (requests.isEmpty() ? "none" : numbers(requests))
                  + "; consent records "
                  + (records.isEmpty() ? "none" : numbers(records))
                  + "; files "
                  + (files.isEmpty() ? "none" : numbers(files))));
    }
    return due.size();
  }

  private static String numbers(List<Long> numbers) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < numbers.size(); i++) {
      if (text.length() > 1500) {
        text.append(" and ").append(numbers.size() - i).append(" more");
        break;
      }
      text.append(i == 0 ? "" : ", ").append(numbers.get(i));
    }
    return text.toString();
  }
}
