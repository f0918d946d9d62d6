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
