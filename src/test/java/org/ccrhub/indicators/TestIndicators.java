package org.ccrhub.indicators;

import java.math.BigDecimal;
import java.util.List;
import org.ccrhub.shared.Partnership;

/** Indicators and values for tests, made with the application's own services. */
public final class TestIndicators {

  private TestIndicators() {}

  /** Saves a count (lower is better) with its source and owner, and gives it back as saved. */
  public static Indicator saveCount(
      Indicators indicators,
      Partnership partnership,
      String ref,
      String name,
      Frequency frequency,
      String source,
      String owner,
      boolean published) {
    indicators.save(
        partnership,
        new Indicator(
            0,
            ref,
            name,
            "",
            Unit.COUNT,
            Polarity.LOWER_IS_BETTER,
            frequency,
            source,
            owner,
            null,
            null,
            null,
            null,
            null,
            null,
            Indicator.DEFAULT_TOLERANCE,
            List.of(),
            published,
            0));
    return indicators.findByRef(partnership, ref).orElseThrow();
  }

  /** The partnership's own value of the indicator for the period. */
  public static ValueEntry entry(Indicator indicator, IndicatorPeriod period, int value) {
    return new ValueEntry(indicator.id(), "", period, BigDecimal.valueOf(value), null, null);
  }
}
