package org.ccrhub.mail;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The email settings cannot work: CCR Hub does not start, and says which setting to fix. */
class MailSettingsException extends RuntimeException {

  MailSettingsException(String message) {
    super(message);
  }

  /** Shows the problem at start-up as its plain message, not as a stack trace. */
  static class Analyzer extends AbstractFailureAnalyzer<MailSettingsException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MailSettingsException cause) {
      return new FailureAnalysis(
          cause.getMessage(),
          "Fix the email settings (see Other settings in the README), or remove them all to keep"
              + " messages in the outbox.",
          cause);
    }
  }
}
