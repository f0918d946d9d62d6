package org.ccrhub.plans;

import java.util.List;
import java.util.Optional;

/**
 * A plan at a glance, as the home pages show it: the period it reports on, how far that period's
 * updates have got while it is open, its ratings, exceptions and overdue actions, and how many of
 * its leads have nobody to update their actions. Derived from one snapshot of the plan.
 *
 * @param period the period shown: the one the plan collects updates for, as the plan's overview
 *     opens on it
 * @param open the plan's open period, if one is open
 * @param progress how far the open period's updates have got, if one is open
 * @param report the plan's exception report for the period, with its counts per rating
 * @param unmappedLeads how many of the plan's leads are not mapped to anyone who can update
 */
public record PlanSummary(
    DeliveryPlan plan,
    ReportingPeriod period,
    Optional<ReportingPeriods.Period> open,
    Optional<PeriodProgress> progress,
    ExceptionReport report,
    int unmappedLeads) {

  /** Whether the period shown is before the open one, whose updates are still coming in. */
  public boolean showsPeriodBeforeOpenOne() {
    return open.isPresent() && !open.get().period().equals(period);
  }

  /** Exceptions a home page lists before it sends the reader to the exception report. */
  public static final int EXCEPTIONS_LISTED = 10;

  public long exceptionCount() {
    return report.exceptionCount();
  }

  /** Overdue actions: every one is an exception, whatever its rating. */
  public long overdueCount() {
    return report.overdueCount();
  }

  /** The plan's ratings in the period, as a bar and in words. */
  public RatingBar bar() {
    return RatingBar.of("Whole plan", report.ratingsShown(), report.totals());
  }

  /** The first exceptions in ref order, up to {@link #EXCEPTIONS_LISTED}. */
  public List<ExceptionReport.Line> exceptionsListed() {
    List<ExceptionReport.Line> lines = report.lines();
    return lines.subList(0, Math.min(lines.size(), EXCEPTIONS_LISTED));
  }

  /** The exceptions not listed, e.g. 4 when a plan has 14. */
  public long exceptionsNotListed() {
    return Math.max(0, exceptionCount() - EXCEPTIONS_LISTED);
  }
}
