package org.ccrhub.plans;

import org.ccrhub.exports.FileExport;
import org.ccrhub.shared.Partnership;

/** The files a plan leaves CCR Hub as, described for the audit trail by the web and commands. */
public final class PlanFiles {

  private PlanFiles() {}

  /** The whole plan in the import format, with a period's ratings. */
  public static FileExport plan(
      Partnership partnership, DeliveryPlan plan, ReportingPeriod period, String format) {
    return FileExport.of(
        partnership,
        "DeliveryPlan",
        plan.id(),
        "delivery plan " + plan.id() + " with the ratings of " + period,
        format);
  }

  /** The board's exception report of a plan for a period. */
  public static FileExport exceptionReport(
      Partnership partnership, DeliveryPlan plan, ReportingPeriod period, String format) {
    return FileExport.of(
        partnership,
        "ExceptionReport",
        plan.id(),
        "the exception report of delivery plan " + plan.id() + " for " + period,
        format);
  }
}
