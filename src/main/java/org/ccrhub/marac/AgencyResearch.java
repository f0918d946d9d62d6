package org.ccrhub.marac;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An agency's research for a case before its meeting: the facts it holds, kept apart from its
 * opinion, and what it did not share and why.
 */
public record AgencyResearch(
    long agencyId,
    String agency,
    @Nullable String facts,
    @Nullable String opinion,
    @Nullable String notShared,
    String recordedBy,
    Instant recordedAt) {}
