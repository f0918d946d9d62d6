package org.ccrhub.plans;

/**
 * Someone else recorded progress on the same action and period after this person opened the form.
 * Nothing was saved; the page shows both texts so that nothing typed is lost.
 */
public class ProgressConflictException extends RuntimeException {

  private final transient ProgressUpdate theirs;

  ProgressConflictException(ProgressUpdate theirs) {
    super("Someone else updated this action meanwhile");
    this.theirs = theirs;
  }

  public ProgressUpdate theirs() {
    return theirs;
  }
}
