package org.ccrhub.indicators;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A performance indicator of a partnership. Its target is a value for a period ({@code 410 by
 * 2016/17}), or a change from the baseline: by a percentage ({@code -20% by 2016/17}) or, for a
 * percentage or a rate, in points ({@code -2 points by 2016/17}: a rate of 31% aims at 29%). The
 * tolerance (percent of the target trajectory) turns distance behind the trajectory into a RAG
 * rating. An indicator with {@code sumOf} refs is the total of those indicators and has no values
 * of its own.
 */
public record Indicator(
    long id,
    String ref,
    String name,
    String description,
    Unit unit,
    Polarity polarity,
    Frequency frequency,
    String source,
    String owner,
    @Nullable BigDecimal population,
    @Nullable IndicatorPeriod baselinePeriod,
    @Nullable BigDecimal baselineValue,
    @Nullable IndicatorPeriod targetPeriod,
    @Nullable BigDecimal targetValue,
    @Nullable BigDecimal targetChangePct,
    @Nullable BigDecimal targetChangePoints,
    BigDecimal tolerancePct,
    List<String> sumOf,
    boolean published,
    int version) {

  /** An indicator whose target, if any, is not a change in points. */
  public Indicator(
      long id,
      String ref,
      String name,
      String description,
      Unit unit,
      Polarity polarity,
      Frequency frequency,
      String source,
      String owner,
      @Nullable BigDecimal population,
      @Nullable IndicatorPeriod baselinePeriod,
      @Nullable BigDecimal baselineValue,
      @Nullable IndicatorPeriod targetPeriod,
      @Nullable BigDecimal targetValue,
      @Nullable BigDecimal targetChangePct,
      BigDecimal tolerancePct,
      List<String> sumOf,
      boolean published,
      int version) {
    this(
        id,
        ref,
        name,
        description,
        unit,
        polarity,
        frequency,
        source,
        owner,
        population,
        baselinePeriod,
        baselineValue,
        targetPeriod,
        targetValue,
        targetChangePct,
        null,
        tolerancePct,
        sumOf,
        published,
        version);
  }

  /** The tolerance when none is given: 5% of the trajectory. */
  public static final BigDecimal DEFAULT_TOLERANCE = BigDecimal.valueOf(5);

  public boolean isComposite() {
    return !sumOf.isEmpty();
  }

  public boolean hasTarget() {
    return targetValue != null || targetChangePct != null || targetChangePoints != null;
  }

  /**
   * The target as written for people, thousands separated: {@code 1,410 by 2016/17}, {@code -20% by
   * 2016/17 from 2011/12} or {@code -2 points by 2016/17 from 2011/12}.
   */
  public String targetText() {
    if (!hasTarget()) {
      return "";
    }
    String by = targetPeriod == null ? "" : " by " + targetPeriod;
    if (targetValue != null) {
      return Figures.plainGrouped(targetValue) + (unit == Unit.PERCENTAGE ? "%" : "") + by;
    }
    BigDecimal change = targetChangePct != null ? targetChangePct : targetChangePoints;
    String sign = change.signum() > 0 ? "+" : "";
    return sign
        + Figures.plainGrouped(change)
        + (targetChangePct != null ? "%" : " " + unit.pointsName())
        + by
        + (baselinePeriod == null ? "" : " from " + baselinePeriod);
  }
}
