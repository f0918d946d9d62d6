package org.ccrhub.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The application's database role could do more than the application needs. */
final class UnsafeDatabaseRoleException extends RuntimeException {

  UnsafeDatabaseRoleException(String message) {
    super(message);
  }

  /** Says what to change at start-up, instead of a stack trace. */
  static final class Analyzer extends AbstractFailureAnalyzer<UnsafeDatabaseRoleException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeDatabaseRoleException cause) {
      return new FailureAnalysis(
          cause.getMessage(),
          "Create the two roles as README's 'The database' section shows, then set"
              + " CCR_DB_USER (the application's role) and SPRING_FLYWAY_USER and"
              + " SPRING_FLYWAY_PASSWORD (the schema owner).",
          cause);
    }
  }
}
