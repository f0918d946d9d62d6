package org.ccrhub.indicators;

import java.util.Locale;
import org.ccrhub.shared.InvalidInputException;

/** Which way is better for an indicator. An indicator with neither is never rated. */
public enum Polarity {
  HIGHER_IS_BETTER("higher is better"),
  LOWER_IS_BETTER("lower is better"),
  NEITHER("neither");

  private final String label;

  Polarity(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Reads {@code higher}, {@code higher is better}, {@code up}, {@code lower}, {@code neither}. */
  public static Polarity parse(String text) {
    String key = text.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    return switch (key) {
      case "", "higher", "higherisbetter", "higherbetter", "up", "increase", "high" ->
          HIGHER_IS_BETTER;
      case "lower", "lowerisbetter", "lowerbetter", "down", "decrease", "reduce", "low" ->
          LOWER_IS_BETTER;
      case "neither", "none", "na", "neutral", "noneither" -> NEITHER;
      default ->
          throw new InvalidInputException(
              "'" + text.strip() + "' is not a polarity: use higher, lower or neither");
    };
  }
}
