package org.ccrhub.marac;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly list of cases whose repeat window has just lapsed: victims whose last referral can no
 * longer make a new referral a repeat from a day in the month. A new referral after that day starts
 * afresh, so the coordinator may look again at what is known of them.
 */
@Service
public class LapsedWindows {

  /** A victim's last referral and the first day a new referral of theirs is not a repeat. */
  public record Lapsed(long referralId, LocalDate referralDate, LocalDate lapsedOn) {}

  private final JdbcClient jdbc;
  private final MaracAccess access;

  LapsedWindows(JdbcClient jdbc, MaracAccess access) {
    this.jdbc = jdbc;
    this.access = access;
  }

  /** The cases the reader may see whose window lapses in the month, by the day it lapses. */
  @Transactional
  public List<Lapsed> in(MaracReader reader, YearMonth month) {
    RepeatWindow window = reader.marac().settings().repeatWindow();
    // the last referral of each victim; only those dated near the window's length before the month
    // can lapse in it, so the query reads no more than a few weeks of referrals
    LocalDate from = month.atDay(1).minusMonths(window.months()).minusDays(3);
    LocalDate to = month.atEndOfMonth().minusMonths(window.months()).plusDays(1);
    List<Lapsed> lapsed = new ArrayList<>();
    jdbc.sql(
            """
            select r.id, r.referral_date from marac_referral r
            where r.referral_date between :from and :to and r.purged_at is null
              and not exists (select 1 from marac_referral later
                  where later.victim_id = r.victim_id
                    and (later.referral_date > r.referral_date
                         or (later.referral_date = r.referral_date and later.id > r.id)))
              and """
                + MaracAccess.VISIBLE)
        .param("from", from)
        .param("to", to)
        .params(MaracAccess.visible(reader))
        .query(
            (rs, row) -> {
              LocalDate date = rs.getObject("referral_date", LocalDate.class);
              LocalDate lapsesOn = window.lastRepeatDay(date).plusDays(1);
              if (YearMonth.from(lapsesOn).equals(month)) {
                lapsed.add(new Lapsed(rs.getLong("id"), date, lapsesOn));
              }
              return null;
            })
        .list();
    lapsed.sort(Comparator.comparing(Lapsed::lapsedOn).thenComparing(Lapsed::referralId));
    access.readList(
        reader,
        "Listed the cases whose repeat window lapses in " + month,
        lapsed.stream().map(Lapsed::referralId).toList());
    return lapsed;
  }
}
