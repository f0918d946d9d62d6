package org.ccrhub.indicators;

import java.util.Locale;
import org.ccrhub.shared.InvalidInputException;

/** How often an indicator's values arrive: each month, each quarter or each financial year. */
public enum Frequency {
  MONTHLY("monthly", 1),
  QUARTERLY("quarterly", 3),
  YEARLY("yearly", 12);

  private final String label;
  private final int months;

  Frequency(String label, int months) {
    this.label = label;
    this.months = months;
  }

  public String label() {
    return label;
  }

  /** The months one value covers. */
  public int months() {
    return months;
  }

  /**
   * The end of the last whole period on or before the month: the month itself when monthly; the end
   * of the last financial-year quarter (June, September, December, March) or year (March).
   */
  public java.time.YearMonth lastEnd(java.time.YearMonth month) {
    return switch (this) {
      case MONTHLY -> month;
      case QUARTERLY -> month.minusMonths(month.getMonthValue() % 3);
      case YEARLY ->
          month.getMonthValue() >= 3 ? month.withMonth(3) : month.minusYears(1).withMonth(3);
    };
  }

  /** Reads {@code monthly}, {@code month}, {@code quarterly}, {@code yearly}, {@code annual}. */
  public static Frequency parse(String text) {
    String key = text.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    return switch (key) {
      case "", "monthly", "month", "m" -> MONTHLY;
      case "quarterly", "quarter", "q" -> QUARTERLY;
      case "yearly", "year", "annual", "annually", "y" -> YEARLY;
      default ->
          throw new InvalidInputException(
              "'" + text.strip() + "' is not a frequency: use monthly, quarterly or yearly");
    };
  }
}
