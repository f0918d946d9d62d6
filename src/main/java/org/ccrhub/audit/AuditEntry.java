package org.ccrhub.audit;

import org.jspecify.annotations.Nullable;

/**
 * What happened, to be recorded: the actor, time and source address are added by {@link AuditTrail}
 * from the request or command that is running.
 *
 * @param action what was done, e.g. {@code CREATE}, {@code SIGN_IN_FAILED}
 * @param objectType the kind of thing it was done to, e.g. {@code Agency}
 * @param objectId that thing's id
 * @param partnershipId the partnership it belongs to, if any
 * @param outcome success, failure or denied
 * @param summary a short description for people reading the trail
 */
public record AuditEntry(
    String action,
    @Nullable String objectType,
    @Nullable String objectId,
    @Nullable Long partnershipId,
    Outcome outcome,
    @Nullable String summary) {

  public enum Outcome {
    SUCCESS,
    FAILURE,
    DENIED
  }

  public static AuditEntry success(
      String action,
      String objectType,
      Object objectId,
      @Nullable Long partnershipId,
      String summary) {
    return new AuditEntry(
        action, objectType, String.valueOf(objectId), partnershipId, Outcome.SUCCESS, summary);
  }
}
