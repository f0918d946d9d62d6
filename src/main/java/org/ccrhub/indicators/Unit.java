package org.ccrhub.indicators;

import java.util.Locale;
import org.ccrhub.shared.InvalidInputException;

/**
 * What an indicator counts. Counts and money add up over months. Percentages, rates and days are
 * ratios: over several months they are worked out from the summed numerators and denominators,
 * never by averaging the monthly figures.
 */
public enum Unit {
  COUNT("count", "Count"),
  PERCENTAGE("percentage", "%"),
  RATE_PER_1000("rate per 1,000 population", "Rate per 1,000"),
  MONEY("money", "£"),
  DAYS("days", "Days");

  private final String label;
  private final String axis;

  Unit(String label, String axis) {
    this.label = label;
    this.axis = axis;
  }

  public String label() {
    return label;
  }

  /** A short label for a chart's value axis. */
  public String axis() {
    return axis;
  }

  /** Whether the figure is a numerator over a denominator rather than a sum. */
  public boolean isRatio() {
    return this == PERCENTAGE || this == RATE_PER_1000 || this == DAYS;
  }

  /**
   * Whether a change in the figure is read in points, as the difference of the two figures
   * (percentage points for a percentage, per 1,000 for a rate), before the relative change: a
   * percentage from 31.1% to 30.6% is down 0.5 points, not down 1.6%. Counts, money and days change
   * by a percentage of what they were.
   */
  public boolean changesInPoints() {
    return this == PERCENTAGE || this == RATE_PER_1000;
  }

  /** What a difference of points is called: {@code points}, {@code per 1,000}. */
  public String pointsName() {
    return this == RATE_PER_1000 ? "per 1,000" : "points";
  }

  /** What the ratio of numerator to denominator is multiplied by: 100 for a percentage. */
  int scale() {
    return switch (this) {
      case PERCENTAGE -> 100;
      case RATE_PER_1000 -> 1000;
      default -> 1;
    };
  }

  /** Decimal places shown: one for ratios, none for counts, two for money. */
  int decimals() {
    return switch (this) {
      case COUNT -> 0;
      case MONEY -> 2;
      default -> 1;
    };
  }

  /**
   * Reads the unit as people write it: {@code count}, {@code number}, {@code %}, {@code percent},
   * {@code rate}, {@code rate per 1000}, {@code £}, {@code money}, {@code days}.
   */
  public static Unit parse(String text) {
    String key = text.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9%£]", "");
    return switch (key) {
      case "", "count", "number", "no", "n", "total" -> COUNT;
      case "%", "percentage", "percent", "pc", "proportion" -> PERCENTAGE;
      case "rate", "rateper1000", "rateper1000population", "per1000", "ratepopulation" ->
          RATE_PER_1000;
      case "£", "money", "gbp", "pounds", "cost", "amount" -> MONEY;
      case "days", "day" -> DAYS;
      default ->
          throw new InvalidInputException(
              "'"
                  + text.strip()
                  + "' is not a unit: use count, percentage, rate per 1000, money or days");
    };
  }
}
