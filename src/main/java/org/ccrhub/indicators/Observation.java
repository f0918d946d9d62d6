package org.ccrhub.indicators;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One value of an indicator for one period and area, as recorded: the value, and for percentages,
 * rates and days the numerator and denominator it comes from (for a rate the denominator is the
 * population).
 */
public record Observation(
    IndicatorPeriod period,
    @Nullable BigDecimal value,
    @Nullable BigDecimal numerator,
    @Nullable BigDecimal denominator) {}
