package org.ccrhub.plans;

/**
 * Someone else changed an action after the person saving opened its form: their version is the
 * action as it is now, to show beside what the person typed.
 */
public class ActionConflictException extends RuntimeException {

  private final transient PlanAction theirs;

  ActionConflictException(PlanAction theirs) {
    super("The action " + theirs.ref() + " was changed by someone else");
    this.theirs = theirs;
  }

  public PlanAction theirs() {
    return theirs;
  }
}
