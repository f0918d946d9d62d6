package org.ccrhub.marac.web;

import java.time.LocalDate;
import org.ccrhub.marac.Marac;
import org.ccrhub.plans.ReportingPeriod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The counts the MARAC home page shows everyone: cases heard in a quarter and how many were
 * repeats. Numbers only, never a case. TO WIRE: when {@code DataReturns.count(marac, from, to)} is
 * on main, take {@code cases} and {@code repeat_cases} of its quarters instead of counting here.
 */
@Component
class HomeCounts {

  /** Cases heard at a meeting in a quarter, and the repeats among them. */
  record Heard(ReportingPeriod quarter, long cases, long repeats) {}

  private final JdbcClient jdbc;

  HomeCounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  Heard heard(Marac marac, ReportingPeriod quarter) {
    return jdbc.sql(
            "select count(*) as cases, count(*) filter (where "
                + org.ccrhub.marac.CaseFiles.REPEAT_CONDITION
                + ") as repeats"
                + """
                 from marac_referral r
                join marac m on m.id = r.marac_id
                join marac_meeting mt on mt.id = r.meeting_id and not mt.cancelled
                where r.marac_id = :m and mt.meeting_date between :from and :to
                """)
        .param("m", marac.id())
        .param("from", quarter.firstDay())
        .param("to", quarter.lastDay())
        .query((rs, row) -> new Heard(quarter, rs.getLong("cases"), rs.getLong("repeats")))
        .single();
  }

  Heard heardIn(Marac marac, LocalDate day) {
    return heard(marac, ReportingPeriod.containing(day));
  }
}
