package org.ccrhub.marac;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retention of a MARAC's personal data: once the last referral of a victim is older than the MARAC
 * keeps personal details ({@link MaracSettings#retainedUntil}), every referral of that victim loses
 * them. What the data return counts stays: the victim's and perpetrators' ages on the referral date
 * (worked out from the dates of birth that go), gender, ethnicity, disability, LGBT+, the number of
 * children, the agency, the meeting and the victim link that makes repeats; the lawful basis of
 * sharing; an action's agency, due date and status, and attendance (for the agencies' figures).
 * Free text that may name or describe people goes too: the reasons for professional judgement and
 * for sharing without consent and who decided it, the risks discussed, the IDVA's contact outcome,
 * the closure reason, research facts, opinion and what was not shared, the actions' descriptions
 * ({@link #REMOVED}) and update notes, and audit sample notes. The victim's name keys go, so
 * nothing can be found by name again.
 */
@Service
public class MaracRetention {

  /** Audit summaries name at most this many referral ids; the count is always there. */
  static final int MOST_IDS_AUDITED = 500;

  /** What an action's description becomes at retention (the column may not be empty). */
  public static final String REMOVED = "Removed at the end of the retention period";

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  MaracRetention(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** The referrals whose personal details go on {@code today}, oldest first. */
  @Transactional(readOnly = true)
  public List<PurgeCandidate> due(Marac marac, LocalDate today) {
    return jdbc.sql(
            """
            with last as (
                select victim_id, max(referral_date) as last_date from marac_referral
                where marac_id = :m group by victim_id
            )
            select r.id, r.referral_date, r.victim_id, l.last_date
            from marac_referral r join last l on l.victim_id = r.victim_id
            where r.marac_id = :m and r.purged_at is null
              and (l.last_date + make_interval(years => :years))::date < :today
            order by r.referral_date, r.id
            """)
        .param("m", marac.id())
        .param("years", marac.settings().retentionYears())
        .param("today", today)
        .query(
            (rs, row) ->
                new PurgeCandidate(
                    rs.getLong("id"),
                    rs.getObject("referral_date", LocalDate.class),
                    rs.getLong("victim_id"),
                    rs.getObject("last_date", LocalDate.class)))
        .list();
  }

  /**
   * Removes the personal details of the referrals {@link #due} on {@code today} and records it in
   * the audit trail (the count and the referral ids, no names).
   *
   * @param actor who or what purged them, for the trail's summary
   * @return the number of referrals purged
   */
  @Transactional
  public int purge(Marac marac, LocalDate today, String actor) {
    // one purge of a MARAC at a time, also with several servers
    jdbc.sql("select id from marac where id = :m for no key update")
        .param("m", marac.id())
        .query(Long.class)
        .optional();
    List<PurgeCandidate> due = due(marac, today);
    if (due.isEmpty()) {
      return 0;
    }
    Long[] ids = due.stream().map(PurgeCandidate::referralId).toArray(Long[]::new);
    jdbc.sql(
            """
            update marac_referral set
                victim_age = case
                    when victim_dob is null then victim_age
                    when victim_dob > referral_date then null
                    else extract(year from age(referral_date, victim_dob))::integer end,
                victim_dob = null, victim_name = null, victim_other_names = '{}',
                referring_officer = null, victim_address = null, safe_contact = null,
                victim_unaware_reason = null, feared_people = null, safe_people = null,
                judgement_reason = null, without_consent_reason = null, consent_decided_by = null,
                risks_discussed = null, idva_contact_outcome = null, closure_reason = null,
                purged_at = now(), version = version + 1
            where marac_id = :m and id = any(:ids)
            """)
        .param("m", marac.id())
        .param("ids", ids)
        .update();
    jdbc.sql(
            """
            update marac_perpetrator p set
                age = case
                    when p.dob is null then p.age
                    when p.dob > r.referral_date then null
                    else extract(year from age(r.referral_date, p.dob))::integer end,
                dob = null, name = null
            from marac_referral r
            where r.id = p.referral_id and r.marac_id = :m and r.id = any(:ids)
            """)
        .param("m", marac.id())
        .param("ids", ids)
        .update();
    jdbc.sql(
            """
            update marac_child c set name = null, dob = null, school = null
            from marac_referral r
            where r.id = c.referral_id and r.marac_id = :m and r.id = any(:ids)
            """)
        .param("m", marac.id())
        .param("ids", ids)
        .update();
    jdbc.sql(
            """
            update marac_research s set facts = null, opinion = null, not_shared = null
            from marac_referral r
            where r.id = s.referral_id and r.marac_id = :m and r.id = any(:ids)
            """)
        .param("m", marac.id())
        .param("ids", ids)
        .update();
    // an action's due date, status and agency stay for the overdue-action figures
    jdbc.sql(
            """
            update marac_action a set description = :removed, update_note = null
            from marac_referral r
            where r.id = a.referral_id and r.marac_id = :m and r.id = any(:ids)
            """)
        .param("removed", REMOVED)
        .param("m", marac.id())
        .param("ids", ids)
        .update();
    jdbc.sql(
            """
            update marac_audit_sample_case c set notes = null
            from marac_referral r
            where r.id = c.referral_id and r.marac_id = :m and r.id = any(:ids)
            """)
        .param("m", marac.id())
        .param("ids", ids)
        .update();
    jdbc.sql("delete from marac_victim_key where marac_id = :m and referral_id = any(:ids)")
        .param("m", marac.id())
        .param("ids", ids)
        .update();
    String listed =
        due.stream()
            .limit(MOST_IDS_AUDITED)
            .map(c -> Long.toString(c.referralId()))
            .collect(Collectors.joining(", "));
    audit.record(
        AuditEntry.success(
            "PURGE",
            "Marac",
            marac.id(),
            marac.partnershipId(),
            "Removed the personal details of "
                + due.size()
                + (due.size() == 1 ? " referral" : " referrals")
                + " of MARAC "
                + marac.id()
                + " at the end of retention ("
                + actor
                + "): referrals "
                + listed
                + (due.size() > MOST_IDS_AUDITED
                    ? " and " + (due.size() - MOST_IDS_AUDITED) + " more"
                    : "")));
    return due.size();
  }
}
