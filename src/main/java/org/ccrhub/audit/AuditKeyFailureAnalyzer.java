package org.ccrhub.audit;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Shows an audit key problem at start-up as its plain message, not as a stack trace. */
class AuditKeyFailureAnalyzer extends AbstractFailureAnalyzer<AuditKeyException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, AuditKeyException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Give CCR Hub its audit key: ccr.audit.key (CCR_AUDIT_KEY, Base64, at least 32 bytes)"
            + " or the file audit.key in the data directory.",
        cause);
  }
}
