package org.ccrhub.plans;

/**
 * A change to a plan's contents that breaks a rule only the plan can check, such as a ref another
 * action has; the message says which, for the form's error summary.
 */
public class PlanEditRejectedException extends RuntimeException {

  private final String field;

  PlanEditRejectedException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The form field the problem is about. */
  public String field() {
    return field;
  }
}
