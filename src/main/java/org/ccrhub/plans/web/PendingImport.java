package org.ccrhub.plans.web;

import java.io.Serial;
import java.io.Serializable;
import java.util.Optional;
import org.ccrhub.plans.FinancialYear;
import org.ccrhub.plans.PlanImportRequest;
import org.ccrhub.plans.ReportingPeriod;
import org.jspecify.annotations.Nullable;

/**
 * An uploaded file waiting for the person to confirm its import after the preview, kept in their
 * session (one at a time) for the partnership it was uploaded to.
 */
record PendingImport(
    long partnershipId,
    String planName,
    @Nullable String year,
    @Nullable String period,
    @Nullable String strategy,
    String fileName,
    byte[] content)
    implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  static final String SESSION_PREFIX = PendingImport.class.getName() + ".";

  PlanImportRequest request() {
    return new PlanImportRequest(
        planName,
        Optional.ofNullable(year).map(FinancialYear::parse),
        Optional.empty(),
        Optional.ofNullable(period).map(ReportingPeriod::parse),
        Optional.ofNullable(strategy),
        content);
  }
}
