package org.ccrhub.api;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A personal access token as its owner and administrators see it: never the token itself, which is
 * shown once when it is made, only its first characters to recognise it by.
 *
 * @param prefix the first 8 characters after {@code ccr_}
 * @param ownerName the display name of the person it acts as
 * @param lastUsedOn the last day (UK time) it was used, if ever
 */
public record ApiToken(
    long id,
    long partnershipId,
    long accountId,
    String ownerName,
    String ownerEmail,
    String name,
    String prefix,
    Instant createdAt,
    Instant expiresAt,
    @Nullable Instant revokedAt,
    @Nullable LocalDate lastUsedOn) {

  /** Whether a token may still be used, has expired, or was revoked. */
  public enum Status {
    ACTIVE("Active"),
    EXPIRED("Expired"),
    REVOKED("Revoked");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public Status status(Instant now) {
    if (revokedAt != null) {
      return Status.REVOKED;
    }
    return now.isBefore(expiresAt) ? Status.ACTIVE : Status.EXPIRED;
  }

  /** What the token looks like in a list: {@code ccr_abcd1234…}. */
  public String shownAs() {
    return ApiTokens.PREFIX + prefix + "…";
  }
}
