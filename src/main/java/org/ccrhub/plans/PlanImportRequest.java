package org.ccrhub.plans;

import java.util.Optional;

/**
 * A file to import into a plan.
 *
 * @param planName the plan to import into; created when the partnership has none of that name
 * @param year the plan's (first) year, needed when the plan is new
 * @param lastYear the last year of a plan that runs several years
 * @param period the reporting period of ratings and comments in rows without a period of their own
 * @param strategy the strategy the plan belongs to, created if new
 */
public record PlanImportRequest(
    String planName,
    Optional<FinancialYear> year,
    Optional<FinancialYear> lastYear,
    Optional<ReportingPeriod> period,
    Optional<String> strategy,
    byte[] content) {}
