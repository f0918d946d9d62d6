package org.ccrhub.plans;

/** A progress update that breaks a rule; the message says which, for the form's error summary. */
public class ProgressRejectedException extends RuntimeException {

  private final String field;

  ProgressRejectedException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The form field the problem is about: {@code rating} or {@code comment}. */
  public String field() {
    return field;
  }
}
