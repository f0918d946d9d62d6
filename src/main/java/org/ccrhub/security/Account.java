package org.ccrhub.security;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An account that signs in. Its roles are held per partnership (table {@code membership}). An
 * account with a one-time password must change it at first sign-in, before it expires.
 */
record Account(
    long id,
    String email,
    String displayName,
    String passwordHash,
    boolean mustChangePassword,
    @Nullable Instant oneTimePasswordExpiresAt,
    @Nullable Instant lastSignedInAt) {

  /** Whether the account's one-time password has expired, so that it can no longer sign in. */
  boolean oneTimePasswordExpired(Instant now) {
    return mustChangePassword
        && oneTimePasswordExpiresAt != null
        && !now.isBefore(oneTimePasswordExpiresAt);
  }
}
