package org.ccrhub.indicators;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * How a figure changed from before to now, worked out once and worded in one place for every page
 * and paper. For percentages and rates ({@link Unit#changesInPoints()}) the change that counts is
 * in points, the difference of the two figures: 31.1% to 30.6% is "Down 0.5 points (1.6%)", with
 * the relative change second. Counts, money and days change by a percentage of what they were:
 * "Down 7.2%". Both are worked out from the exact figures and rounded once, half up, to one decimal
 * place (ADR 6).
 *
 * @param points the difference (now less before) in the unit's points, for percentages and rates;
 *     null for other units or when either figure is missing
 * @param pct the relative change in percent, null when either figure is missing or before is zero
 */
public record Change(Unit unit, @Nullable BigDecimal points, @Nullable BigDecimal pct) {

  /** Whether a change was better or worse for the indicator, in words, not colour alone. */
  public enum Direction {
    BETTER("Better"),
    WORSE("Worse"),
    NO_CHANGE("No change");

    private final String label;

    Direction(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** The CSS modifier that colours it: {@code better}, {@code worse}, {@code no-change}. */
    public String modifier() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** The change from {@code before} to {@code now}; unknown when either has no figure. */
  public static Change between(Unit unit, @Nullable Total now, @Nullable Total before) {
    if (now == null || before == null || !now.isKnown() || !before.isKnown()) {
      return new Change(unit, null, null);
    }
    Ratio a = now.ratio();
    Ratio b = before.ratio();
    return new Change(unit, unit.changesInPoints() ? a.pointsFrom(b, 1) : null, a.changeFrom(b));
  }

  /** Whether the change is read in points. */
  public boolean inPoints() {
    return unit.changesInPoints();
  }

  /** The change that comes first: the points for a percentage or a rate, else the percentage. */
  public @Nullable BigDecimal headline() {
    return inPoints() ? points : pct;
  }

  /** Whether there is a change to show. */
  public boolean isKnown() {
    return headline() != null;
  }

  /**
   * The headline with its sign and unit, as a table shows it: {@code -0.5 points}, {@code +0.3 per
   * 1,000}, {@code -7.2%}; blank when unknown.
   */
  public String headlineText() {
    BigDecimal h = headline();
    if (h == null) {
      return "";
    }
    return inPoints() ? signed(h) + " " + unit.pointsName() : signed(h) + "%";
  }

  /**
   * The relative change after a change in points, as a table shows it: {@code -1.6%}; blank for
   * other units or when it is not defined (the figure before was zero).
   */
  public String relativeText() {
    return inPoints() && pct != null ? signed(pct) + "%" : "";
  }

  /**
   * The change in words: {@code Down 0.5 points (1.6%)}, {@code Up 0.3 per 1,000}, {@code Down
   * 7.2%}, {@code No change}; blank when unknown.
   */
  public String words() {
    BigDecimal h = headline();
    if (h == null) {
      return "";
    }
    if (h.signum() == 0) {
      // the points round to nothing, though the relative change may not
      return inPoints() && pct != null && pct.signum() != 0
          ? "No change in points (" + upOrDown(pct, "%").toLowerCase(java.util.Locale.UK) + ")"
          : "No change";
    }
    if (!inPoints()) {
      return upOrDown(h, "%");
    }
    return upOrDown(h, " " + unit.pointsName())
        + (pct == null ? "" : " (" + Figures.grouped(pct.abs()) + "%)");
  }

  /**
   * Whether the change was better or worse, given which way is better; no change when the headline
   * rounds to zero; null when the change is unknown or the indicator is better neither way.
   */
  public @Nullable Direction direction(Polarity polarity) {
    BigDecimal h = headline();
    if (h == null) {
      return null;
    }
    if (h.signum() == 0) {
      return Direction.NO_CHANGE;
    }
    if (polarity == Polarity.NEITHER) {
      return null;
    }
    return (h.signum() > 0) == (polarity == Polarity.HIGHER_IS_BETTER)
        ? Direction.BETTER
        : Direction.WORSE;
  }

  /** The points as a file's cell holds them: {@code -0.5}; blank for other units or unknown. */
  public String pointsCell() {
    return points == null ? "" : points.toPlainString();
  }

  private static String upOrDown(BigDecimal value, String unit) {
    return (value.signum() > 0 ? "Up " : "Down ") + Figures.grouped(value.abs()) + unit;
  }

  private static String signed(BigDecimal value) {
    return (value.signum() > 0 ? "+" : "") + Figures.grouped(value);
  }
}
