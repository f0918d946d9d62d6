package org.ccrhub.indicators;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A value to record for an indicator, period and area (blank for the partnership itself). */
public record ValueEntry(
    long indicatorId,
    String area,
    IndicatorPeriod period,
    @Nullable BigDecimal value,
    @Nullable BigDecimal numerator,
    @Nullable BigDecimal denominator) {

  /** Whether this says the same as a recorded value (so recording it again changes nothing). */
  boolean sameAs(@Nullable BigDecimal v, @Nullable BigDecimal n, @Nullable BigDecimal d) {
    return same(value, v) && same(numerator, n) && same(denominator, d);
  }

  private static boolean same(@Nullable BigDecimal a, @Nullable BigDecimal b) {
    return Objects.equals(
        a == null ? null : a.stripTrailingZeros(), b == null ? null : b.stripTrailingZeros());
  }
}
