package org.ccrhub.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The two-factor key is missing or not the installation's: CCR Hub does not start, and says why.
 */
class TwoFactorKeyException extends RuntimeException {

  TwoFactorKeyException(String message) {
    super(message);
  }

  /** Shows the problem at start-up as its plain message, not as a stack trace. */
  static class Analyzer extends AbstractFailureAnalyzer<TwoFactorKeyException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, TwoFactorKeyException cause) {
      return new FailureAnalysis(
          cause.getMessage(),
          "Give every server the same two-factor key: ccr.two-factor.key (CCR_TWO_FACTOR_KEY,"
              + " Base64 of 32 bytes), or the file two-factor.key in each data directory.",
          cause);
    }
  }
}
