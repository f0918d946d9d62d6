package org.ccrhub.security;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An account as a member of one partnership, with its roles there. {@code oneTimePasswordExpiresAt}
 * is set while the person has yet to choose their own password.
 */
public record Member(
    long accountId,
    String email,
    String displayName,
    Set<Role> roles,
    @Nullable Instant lastSignedInAt,
    @Nullable Instant oneTimePasswordExpiresAt) {

  public boolean hasOneTimePassword() {
    return oneTimePasswordExpiresAt != null;
  }

  public boolean oneTimePasswordExpired() {
    return oneTimePasswordExpiresAt != null && !Instant.now().isBefore(oneTimePasswordExpiresAt);
  }
}
