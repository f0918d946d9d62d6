package org.ccrhub.plans.web;

import java.io.Serial;
import java.io.Serializable;
import java.util.Optional;
import org.ccrhub.plans.FinancialYear;
import org.ccrhub.plans.PlanImportRequest;
import org.ccrhub.plans.ReportingPeriod;
import org.jspecify.annotations.Nullable;

/**
 * What an uploaded plan file is to be imported as, kept in the person's session (one at a time)
 * with the file in {@link org.ccrhub.tabular.PendingUploads} until they confirm the import.
 */
record PendingImport(
    long partnershipId,
    String planName,
    @Nullable String year,
    @Nullable String period,
    @Nullable String strategy,
    String fileName)
    implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  PlanImportRequest request(byte[] content) {
    return new PlanImportRequest(
        planName,
        Optional.ofNullable(year).map(FinancialYear::parse),
        Optional.empty(),
        Optional.ofNullable(period).map(ReportingPeriod::parse),
        Optional.ofNullable(strategy),
        content);
  }
}
