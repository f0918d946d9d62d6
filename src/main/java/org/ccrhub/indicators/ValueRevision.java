package org.ccrhub.indicators;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** One recorded version of a value: revisions are kept, with who recorded each and when. */
public record ValueRevision(
    long id,
    String area,
    String period,
    @Nullable BigDecimal value,
    @Nullable BigDecimal numerator,
    @Nullable BigDecimal denominator,
    String recordedBy,
    OffsetDateTime recordedAt) {}
