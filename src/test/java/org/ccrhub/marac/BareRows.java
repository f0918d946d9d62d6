package org.ccrhub.marac;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Victims and referrals written straight into their tables, for tests of what reads them (access,
 * agendas, lapsed windows): the referral service is tested on its own.
 */
public final class BareRows {

  private BareRows() {}

  /** A new victim of the MARAC. */
  public static long victim(JdbcClient jdbc, long maracId) {
    return jdbc.sql("insert into marac_victim (marac_id) values (:m) returning id")
        .param("m", maracId)
        .query(Long.class)
        .single();
  }

  /** A referral of the victim with only what the table requires: a woman, nothing else known. */
  public static long referral(
      JdbcClient jdbc, long maracId, long victimId, long agencyId, LocalDate date, String name) {
    return jdbc.sql(
            """
            insert into marac_referral (marac_id, victim_id, referral_date, referring_agency_id,
                victim_name, victim_gender, ethnic_group, disabled, lgbt, created_by)
            values (:m, :v, :d, :a, :n, 'FEMALE', 'NOT_KNOWN', 'NO', 'NO', 'test')
            returning id
            """)
        .param("m", maracId)
        .param("v", victimId)
        .param("d", date)
        .param("a", agencyId)
        .param("n", name)
        .query(Long.class)
        .single();
  }
}
