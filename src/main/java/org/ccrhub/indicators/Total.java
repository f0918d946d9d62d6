package org.ccrhub.indicators;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A figure over a run of months, or why there is none: a month with no value says so instead of
 * producing a number.
 */
public record Total(@Nullable Ratio ratio, String missing) {

  private static final int LISTED = 4;

  static Total of(Ratio ratio) {
    return new Total(ratio, "");
  }

  static Total missing(String why) {
    return new Total(null, why);
  }

  /** There is no value for these periods. */
  static Total missingPeriods(List<String> periods) {
    String listed = String.join(", ", periods.subList(0, Math.min(LISTED, periods.size())));
    String more = periods.size() > LISTED ? " and " + (periods.size() - LISTED) + " more" : "";
    return missing("No value for " + listed + more);
  }

  public boolean isKnown() {
    return ratio != null && ratio.isDefined();
  }
}
