package org.ccrhub.audit;

/** Implemented by the signed-in principal so that the trail records which account acted. */
public interface AuditActor {

  long accountId();

  String actorName();

  /** The person's name as people know them. */
  String displayName();

  /**
   * Who values or updates brought in by this actor are recorded as (the "by" of a revision or an
   * update): the person, and that it came from an import rather than a form.
   */
  default String importLabel() {
    return displayName() + " (import)";
  }
}
