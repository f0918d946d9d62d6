package org.ccrhub.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * A figure kept as an exact fraction, so that percentages of it are rounded once, at the end: a
 * count is {@code n/1}, a percentage {@code 100 × Σnumerators / Σdenominators}. {@code count} is
 * the number of cases behind the figure (the count itself, or the summed numerator), which is what
 * small-number suppression looks at (null when not known).
 */
public record Ratio(BigDecimal top, BigDecimal bottom, @Nullable BigDecimal count) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  public static Ratio of(BigDecimal value) {
    return new Ratio(value, BigDecimal.ONE, value);
  }

  /** The figure rounded half-up to so many decimal places. */
  public BigDecimal rounded(int decimals) {
    return top.divide(bottom, decimals, RoundingMode.HALF_UP);
  }

  /** Whether the figure is defined: a ratio over nothing is not. */
  public boolean isDefined() {
    return bottom.signum() != 0;
  }

  /**
   * The percentage change from {@code before} to this, rounded half-up to one decimal place, or
   * null when there is no change to speak of (before is zero or undefined).
   */
  public @Nullable BigDecimal changeFrom(Ratio before) {
    if (!isDefined() || !before.isDefined()) {
      return null;
    }
    // (a/b - c/d) / |c/d| = (a·d - c·b)·|d| / (b·d·|c|)
    BigDecimal a = top;
    BigDecimal b = bottom;
    BigDecimal c = before.top;
    BigDecimal d = before.bottom;
    if (c.signum() == 0) {
      return null;
    }
    BigDecimal change = a.multiply(d).subtract(c.multiply(b)).multiply(d.abs()).multiply(HUNDRED);
    BigDecimal base = b.multiply(d).multiply(c.abs());
    return change.divide(base, 1, RoundingMode.HALF_UP);
  }

  /**
   * The difference from {@code before} to this (this less before), rounded half-up to so many
   * decimal places, worked out from the exact fractions; null when either is undefined. For
   * percentages it is the change in percentage points.
   */
  public @Nullable BigDecimal pointsFrom(Ratio before, int decimals) {
    if (!isDefined() || !before.isDefined()) {
      return null;
    }
    // a/b - c/d = (a·d - c·b) / (b·d)
    BigDecimal difference = top.multiply(before.bottom).subtract(before.top.multiply(bottom));
    return difference.divide(bottom.multiply(before.bottom), decimals, RoundingMode.HALF_UP);
  }
}
