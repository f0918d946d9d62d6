package org.ccrhub.plans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.calendar.BankHolidays;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.Partnership;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quarters a delivery plan collects updates for. Each plan has its own cycle: a period is
 * opened with the date updates are due by (by default the tenth working day after the quarter ends)
 * and, optionally, the day it closes by itself. Only administrators and strategic leads open and
 * close periods; updates are recorded only in an open period, so nobody else can open one by
 * sending an update for it. Closing a period makes its updates read-only.
 */
@Service
public class ReportingPeriods {

  /**
   * A plan's period.
   *
   * @param dueBy the day updates are due by
   * @param closesOn the day it closes by itself, if one was set
   */
  public record Period(
      long planId,
      ReportingPeriod period,
      LocalDate dueBy,
      Optional<LocalDate> closesOn,
      boolean closed) {

    /** Whole days from the day to the due date: negative once it has passed. */
    public long daysLeft(LocalDate today) {
      return java.time.temporal.ChronoUnit.DAYS.between(today, dueBy);
    }
  }

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final BankHolidays bankHolidays;
  private final Clock clock;
  private final int dueWorkingDays;

  ReportingPeriods(
      JdbcClient jdbc,
      AuditTrail audit,
      BankHolidays bankHolidays,
      Clock clock,
      @Value("${ccr.plans.updates-due-working-days:10}") int dueWorkingDays) {
    if (dueWorkingDays < 1) {
      throw new IllegalArgumentException(
          "ccr.plans.updates-due-working-days must be at least 1, not " + dueWorkingDays);
    }
    this.jdbc = jdbc;
    this.audit = audit;
    this.bankHolidays = bankHolidays;
    this.clock = clock;
    this.dueWorkingDays = dueWorkingDays;
  }

  /**
   * The default due date: the tenth (or configured) working day after the quarter ends, skipping
   * the bank holidays of England and Wales as loaded when it is asked.
   */
  public LocalDate defaultDueDate(ReportingPeriod period) {
    return bankHolidays.calendar().after(period.lastDay(), dueWorkingDays);
  }

  @Transactional(readOnly = true)
  public Optional<Period> find(DeliveryPlan plan, ReportingPeriod period) {
    return jdbc.sql(
            """
            select plan_id, year, quarter, due_date, closes_on, closed_at from reporting_period
            where plan_id = :plan and year = :y and quarter = :q
            """)
        .param("plan", plan.id())
        .param("y", period.year().startYear())
        .param("q", period.quarter())
        .query(this::period)
        .optional();
  }

  @Transactional(readOnly = true)
  public boolean isClosed(DeliveryPlan plan, ReportingPeriod period) {
    return find(plan, period).map(Period::closed).orElse(false);
  }

  /** The plan's periods opened so far, newest first. */
  @Transactional(readOnly = true)
  public List<Period> all(DeliveryPlan plan) {
    return jdbc.sql(
            """
            select plan_id, year, quarter, due_date, closes_on, closed_at from reporting_period
            where plan_id = :plan order by year desc, quarter desc
            """)
        .param("plan", plan.id())
        .query(this::period)
        .list();
  }

  /** The open periods of every plan of the partnership, oldest first. */
  @Transactional(readOnly = true)
  public List<Period> open(Partnership partnership) {
    return jdbc.sql(
            """
            select plan_id, year, quarter, due_date, closes_on, closed_at from reporting_period
            where partnership_id = :p and closed_at is null order by year, quarter, plan_id
            """)
        .param("p", partnership.id())
        .query(this::period)
        .list();
  }

  /**
   * The period the plan is collecting updates for: its newest open one, else the quarter of today.
   */
  @Transactional(readOnly = true)
  public ReportingPeriod current(DeliveryPlan plan) {
    return collecting(plan).map(Period::period).orElse(ReportingPeriod.containing(today()));
  }

  /**
   * The period a partnership is collecting updates for, across its plans: the newest period open in
   * any plan, else the quarter of today. Board papers start from it.
   */
  @Transactional(readOnly = true)
  public ReportingPeriod collecting(Partnership partnership) {
    return open(partnership).stream()
        .map(Period::period)
        .max(java.util.Comparator.naturalOrder())
        .orElse(ReportingPeriod.containing(today()));
  }

  /** The plan's newest open period, if one is open. */
  @Transactional(readOnly = true)
  public Optional<Period> collecting(DeliveryPlan plan) {
    return all(plan).stream().filter(p -> !p.closed()).findFirst();
  }

  /**
   * Opens the period for updates, or changes its dates when it is open already; a closed period
   * opens again.
   *
   * @param dueBy the day updates are due by; none for the default
   * @param closesOn the day it closes by itself; none to close it by hand
   */
  @Transactional
  public Period open(
      Partnership partnership,
      DeliveryPlan plan,
      ReportingPeriod period,
      Optional<LocalDate> dueBy,
      Optional<LocalDate> closesOn) {
    LocalDate due = dueBy.orElseGet(() -> defaultDueDate(period));
    if (due.isBefore(period.firstDay())) {
      throw new InvalidInputException(
          "The due date must be on or after the first day of "
              + period
              + " ("
              + Dates.date(period.firstDay())
              + ")");
    }
    if (closesOn.isPresent() && closesOn.get().isBefore(due)) {
      throw new InvalidInputException(
          "The period cannot close before its updates are due (" + Dates.date(due) + ")");
    }
    Optional<Period> before = find(plan, period);
    jdbc.sql(
            """
            insert into reporting_period
                (partnership_id, plan_id, year, quarter, due_date, closes_on, opened_at)
            values (:p, :plan, :y, :q, :due, :closes, :now)
            on conflict (plan_id, year, quarter) do update
            set due_date = :due, closes_on = :closes, closed_at = null,
                opened_at = case when reporting_period.closed_at is null
                            then reporting_period.opened_at else :now end
            """)
        .param("p", partnership.id())
        .param("plan", plan.id())
        .param("y", period.year().startYear())
        .param("q", period.quarter())
        .param("due", due)
        .param("closes", closesOn.orElse(null))
        .param("now", OffsetDateTime.now(clock))
        .update();
    Period opened = new Period(plan.id(), period, due, closesOn, false);
    if (before.isEmpty() || before.get().closed()) {
      audit.record(
          AuditEntry.success(
              "OPEN",
              "ReportingPeriod",
              plan.id() + " " + period,
              partnership.id(),
              "Opened "
                  + period
                  + " of "
                  + plan.name()
                  + ", updates due by "
                  + Dates.date(due)
                  + closesOn.map(c -> ", closes on " + Dates.date(c)).orElse("")));
    } else if (!before.get().equals(opened)) {
      audit.record(
          AuditEntry.success(
              "CHANGE",
              "ReportingPeriod",
              plan.id() + " " + period,
              partnership.id(),
              "Changed "
                  + period
                  + " of "
                  + plan.name()
                  + ": updates due by "
                  + Dates.date(due)
                  + closesOn.map(c -> ", closes on " + Dates.date(c)).orElse(", closed by hand")));
    }
    return opened;
  }

  /**
   * A new plan joins the periods open in the partnership's other plans, with their dates, so that a
   * plan created mid-quarter collects updates with the others.
   */
  @Transactional
  public void joinOpenPeriods(Partnership partnership, DeliveryPlan plan) {
    jdbc.sql(
            """
            insert into reporting_period
                (partnership_id, plan_id, year, quarter, due_date, closes_on, opened_at)
            select :p, :plan, year, quarter, max(due_date),
                   case when max(closes_on) >= max(due_date) then max(closes_on) end, :now
            from reporting_period
            where partnership_id = :p and plan_id <> :plan and closed_at is null
            group by year, quarter
            on conflict (plan_id, year, quarter) do nothing
            """)
        .param("p", partnership.id())
        .param("plan", plan.id())
        .param("now", OffsetDateTime.now(clock))
        .update();
  }

  /** Closes the period: its updates can no longer change. Closing a closed period does nothing. */
  @Transactional
  public boolean close(Partnership partnership, DeliveryPlan plan, ReportingPeriod period) {
    int changed =
        jdbc.sql(
                """
                insert into reporting_period
                    (partnership_id, plan_id, year, quarter, due_date, closed_at)
                values (:p, :plan, :y, :q, :due, :at)
                on conflict (plan_id, year, quarter) do update set closed_at = :at
                where reporting_period.closed_at is null
                """)
            .param("p", partnership.id())
            .param("plan", plan.id())
            .param("y", period.year().startYear())
            .param("q", period.quarter())
            .param("due", defaultDueDate(period))
            .param("at", OffsetDateTime.now(clock))
            .update();
    if (changed > 0) {
      audit.record(
          AuditEntry.success(
              "CLOSE",
              "ReportingPeriod",
              plan.id() + " " + period,
              partnership.id(),
              "Closed " + period + " of " + plan.name()));
    }
    return changed > 0;
  }

  /**
   * The open periods whose close date is before the day, which the daily job closes. Returns them
   * so that the caller can close each with its plan.
   */
  @Transactional(readOnly = true)
  public List<Period> dueToClose(Partnership partnership, LocalDate day) {
    return open(partnership).stream()
        .filter(p -> p.closesOn().isPresent() && p.closesOn().get().isBefore(day))
        .toList();
  }

  /** Whether updates can be recorded in the period: it was opened and is not closed. */
  @Transactional(readOnly = true)
  public boolean isOpen(DeliveryPlan plan, ReportingPeriod period) {
    return refusal(plan, period).isEmpty();
  }

  /**
   * Why updates cannot be recorded in the period, in words for the person trying: it is closed, or
   * it was never opened. Empty when it is open.
   */
  @Transactional(readOnly = true)
  public Optional<String> refusal(DeliveryPlan plan, ReportingPeriod period) {
    Optional<Period> found = find(plan, period);
    if (found.isEmpty()) {
      return Optional.of(
          "The period "
              + period
              + " is not open for updates: an administrator or strategic lead opens reporting"
              + " periods");
    }
    return found.get().closed()
        ? Optional.of("The period " + period + " is closed: its updates can no longer change")
        : Optional.empty();
  }

  private LocalDate today() {
    return Dates.today(clock);
  }

  private Period period(ResultSet rs, int row) throws SQLException {
    ReportingPeriod period = new FinancialYear(rs.getInt("year")).quarter(rs.getInt("quarter"));
    @Nullable LocalDate due = rs.getObject("due_date", LocalDate.class);
    return new Period(
        rs.getLong("plan_id"),
        period,
        due != null ? due : defaultDueDate(period),
        Optional.ofNullable(rs.getObject("closes_on", LocalDate.class)),
        rs.getObject("closed_at") != null);
  }
}
