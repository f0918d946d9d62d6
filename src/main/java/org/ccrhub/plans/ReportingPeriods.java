package org.ccrhub.plans;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.Partnership;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quarters a partnership collects updates for. A period is open once opened (or once anyone
 * records an update in it); closing it makes its updates read-only.
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

  /** Refuses a change to a closed period. */
  void checkOpen(Partnership partnership, ReportingPeriod period) {
    if (isClosed(partnership, period)) {
      throw new InvalidInputException(
          "The period " + period + " is closed: its updates can no longer change");
    }
  }
}
