package org.ccrhub.plans;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.shared.Partnership;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quarters a partnership collects updates for. Only administrators and strategic leads open a
 * period (on the reporting periods page); updates are recorded only in an open period, so nobody
 * else can open one, or make one the default, by sending an update for it. Closing a period makes
 * its updates read-only.
 */
@Service
public class ReportingPeriods {

  /** A period and whether it is closed. */
  public record Period(ReportingPeriod period, boolean closed) {}

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;

  ReportingPeriods(JdbcClient jdbc, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public boolean isClosed(Partnership partnership, ReportingPeriod period) {
    return jdbc.sql(
                """
            select count(*) from reporting_period where partnership_id = :p and year = :y
                and quarter = :q and closed_at is not null
            """)
            .param("p", partnership.id())
            .param("y", period.year().startYear())
            .param("q", period.quarter())
            .query(Long.class)
            .single()
        > 0;
  }

  /** The periods opened so far, newest first. */
  @Transactional(readOnly = true)
  public List<Period> all(Partnership partnership) {
    return new ArrayList<>(
        jdbc.sql(
                "select year, quarter, closed_at from reporting_period where partnership_id = :p order by year desc, quarter desc")
            .param("p", partnership.id())
            .query(
                (rs, n) ->
                    new Period(
                        new FinancialYear(rs.getInt(1)).quarter(rs.getInt(2)),
                        rs.getObject(3) != null))
            .list());
  }

  /** The period updates are being collected for: the newest open one, else the current quarter. */
  @Transactional(readOnly = true)
  public ReportingPeriod current(Partnership partnership) {
    return all(partnership).stream()
        .filter(p -> !p.closed())
        .map(Period::period)
        .findFirst()
        .orElse(ReportingPeriod.containing(LocalDate.now(clock)));
  }

  @Transactional
  public void open(Partnership partnership, ReportingPeriod period) {
    int changed =
        jdbc.sql(
                """
                insert into reporting_period (partnership_id, year, quarter) values (:p, :y, :q)
                on conflict (partnership_id, year, quarter) do update set closed_at = null
                where reporting_period.closed_at is not null
                """)
            .param("p", partnership.id())
            .param("y", period.year().startYear())
            .param("q", period.quarter())
            .update();
    if (changed > 0) {
      audit.record(
          AuditEntry.success(
              "OPEN", "ReportingPeriod", period, partnership.id(), "Opened " + period));
    }
  }

  @Transactional
  public void close(Partnership partnership, ReportingPeriod period) {
    int changed =
        jdbc.sql(
                """
                insert into reporting_period (partnership_id, year, quarter, closed_at)
                values (:p, :y, :q, :at)
                on conflict (partnership_id, year, quarter) do update set closed_at = :at
                where reporting_period.closed_at is null
                """)
            .param("p", partnership.id())
            .param("y", period.year().startYear())
            .param("q", period.quarter())
            .param("at", OffsetDateTime.now(clock))
            .update();
    if (changed > 0) {
      audit.record(
          AuditEntry.success(
              "CLOSE", "ReportingPeriod", period, partnership.id(), "Closed " + period));
    }
  }

  /** Whether updates can be recorded in the period: it was opened and is not closed. */
  @Transactional(readOnly = true)
  public boolean isOpen(Partnership partnership, ReportingPeriod period) {
    return refusal(partnership, period).isEmpty();
  }

  /**
   * Why updates cannot be recorded in the period, in words for the person trying: it is closed, or
   * it was never opened. Empty when it is open.
   */
  @Transactional(readOnly = true)
  public Optional<String> refusal(Partnership partnership, ReportingPeriod period) {
    Optional<Boolean> closed =
        jdbc.sql(
                """
                select closed_at is not null from reporting_period
                where partnership_id = :p and year = :y and quarter = :q
                """)
            .param("p", partnership.id())
            .param("y", period.year().startYear())
            .param("q", period.quarter())
            .query(Boolean.class)
            .optional();
    if (closed.isEmpty()) {
      return Optional.of(
          "The period "
              + period
              + " is not open for updates: an administrator or strategic lead opens reporting"
              + " periods");
    }
    return closed.get()
        ? Optional.of("The period " + period + " is closed: its updates can no longer change")
        : Optional.empty();
  }
}
