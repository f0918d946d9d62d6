package org.ccrhub.security;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An account that signs in. Its roles are held per partnership (table {@code membership}). */
record Account(
    long id,
    String email,
    String displayName,
    String passwordHash,
    boolean mustChangePassword,
    int failedSignIns,
    @Nullable Instant lockedUntil,
    @Nullable Instant lastSignedInAt) {}
