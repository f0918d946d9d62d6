package org.ccrhub.marac;

import java.time.Instant;
import java.util.Optional;

/** Someone holding a role in a MARAC, as its members page lists them. */
public record MaracRoleHolder(
    long accountId,
    String displayName,
    String email,
    MaracRole role,
    Optional<Long> agencyId,
    Optional<String> agencyName,
    String grantedBy,
    Instant grantedAt) {}
