package org.ccrhub.audit;

/** Implemented by the signed-in principal so that the trail records which account acted. */
public interface AuditActor {

  long accountId();

  String actorName();
}
