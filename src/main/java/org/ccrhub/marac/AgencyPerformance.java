package org.ccrhub.marac;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ccrhub.plans.ReportingPeriod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each agency's part in a MARAC over the last four financial-year quarters: its attendance rate
 * (meetings it was present at ÷ meetings held in the quarter) and its overdue actions (actions due
 * in the quarter, by today, that were not done by their due date: still open, marked not done, or
 * marked done after it). Counts only, no case data; for everyone with a role in the MARAC.
 */
@Service
public class AgencyPerformance {

  /** One quarter of an agency. {@code ratePct} is empty when no meeting was held. */
  public record Quarter(ReportingPeriod period, int held, int present, int overdue) {
    public String rate() {
      return held == 0 ? "No meetings" : Math.round(present * 100.0 / held) + "%";
    }
  }

  /** An agency's quarters, oldest first. */
  public record Agency(long agencyId, String name, List<Quarter> quarters) {}

  private final JdbcClient jdbc;
  private final Meetings meetings;

  AgencyPerformance(JdbcClient jdbc, Meetings meetings) {
    this.jdbc = jdbc;
    this.meetings = meetings;
  }

  /** The last four quarters, oldest first, ending with today's. */
  public List<ReportingPeriod> quarters() {
    ReportingPeriod last = ReportingPeriod.containing(meetings.today());
    List<ReportingPeriod> periods = new ArrayList<>();
    ReportingPeriod p = last.previous().previous().previous();
    for (int i = 0; i < 4; i++) {
      periods.add(p);
      p = p.next();
    }
    return periods;
  }

  /** The agencies that attended a meeting or had an action in the quarters, by name. */
  @Transactional(readOnly = true)
  public List<Agency> agencies(MaracReader reader) {
    List<ReportingPeriod> periods = quarters();
    LocalDate from = periods.get(0).firstDay();
    LocalDate today = meetings.today();
    LocalDate to = periods.get(3).lastDay().isAfter(today) ? today : periods.get(3).lastDay();
    Map<ReportingPeriod, Integer> held = new HashMap<>();
    jdbc.sql(
            """
            select meeting_date from marac_meeting where marac_id = :m and not cancelled
                and kind <> 'IMPORTED' and meeting_date between :f and :t
            """)
        .param("m", reader.maracId())
        .param("f", from)
        .param("t", to)
        .query(LocalDate.class)
        .list()
        .forEach(d -> held.merge(ReportingPeriod.containing(d), 1, Integer::sum));
    Map<Long, String> names = new LinkedHashMap<>();
    Map<Long, Map<ReportingPeriod, int[]>> figures = new HashMap<>();
    jdbc.sql(
            """
            select a.id, a.name, m.meeting_date as day, 'P' as what
            from marac_attendance t join marac_meeting m on m.id = t.meeting_id
                join agency a on a.id = t.agency_id
            where m.marac_id = :m and not m.cancelled and m.kind <> 'IMPORTED'
                and m.meeting_date between :f and :t and t.status = 'PRESENT'
            union all
            select a.id, a.name, x.due_on as day, 'O' as what
            from marac_action x join marac_referral r on r.id = x.referral_id
                join agency a on a.id = x.agency_id
            where r.marac_id = :m and x.due_on between :f and :t and x.due_on < :today
                and (x.status <> 'DONE' or x.updated_at::date > x.due_on)
            union all
            select a.id, a.name, null, '-' from marac_attendance t
                join marac_meeting m on m.id = t.meeting_id join agency a on a.id = t.agency_id
            where m.marac_id = :m and m.meeting_date between :f and :t
            order by 2, 1
            """)
        .param("m", reader.maracId())
        .param("f", from)
        .param("t", to)
        .param("today", today)
        .query(
            rs -> {
              long id = rs.getLong("id");
              names.putIfAbsent(id, rs.getString("name"));
              LocalDate day = rs.getObject("day", LocalDate.class);
              if (day == null) {
                return;
              }
              int[] counts =
                  figures
                      .computeIfAbsent(id, k -> new HashMap<>())
                      .computeIfAbsent(ReportingPeriod.containing(day), k -> new int[2]);
              counts["P".equals(rs.getString("what")) ? 0 : 1]++;
            });
    List<Agency> agencies = new ArrayList<>();
    names.forEach(
        (id, name) -> {
          List<Quarter> quarters = new ArrayList<>();
          for (ReportingPeriod period : periods) {
            int[] counts = figures.getOrDefault(id, Map.of()).getOrDefault(period, new int[2]);
            quarters.add(new Quarter(period, held.getOrDefault(period, 0), counts[0], counts[1]));
          }
          agencies.add(new Agency(id, name, quarters));
        });
    return agencies;
  }
}
