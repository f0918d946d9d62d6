package org.ccrhub.security;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An account that signs in. Its roles are held per partnership ({@link Membership}). */
record Account(
    long id,
    String email,
    String displayName,
    String passwordHash,
    boolean mustChangePassword,
    int failedSignIns,
    @Nullable Instant lockedUntil,
    @Nullable Instant lastSignedInAt) {

  boolean isLockedAt(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }
}
