package org.ccrhub.security;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** An account as a member of one partnership, with its roles there. */
public record Member(
    long accountId,
    String email,
    String displayName,
    Set<Role> roles,
    @Nullable Instant lockedUntil,
    @Nullable Instant lastSignedInAt) {

  public boolean isLocked() {
    return lockedUntil != null && lockedUntil.isAfter(Instant.now());
  }
}
