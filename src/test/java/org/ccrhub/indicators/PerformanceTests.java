package org.ccrhub.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.ccrhub.shared.RagRating;
import org.ccrhub.shared.RagScheme;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked cases: each expected figure is worked out in the comment beside it, not by the code
 * under test.
 */
class PerformanceTests {

  private static final YearMonth OCT_2016 = YearMonth.of(2016, 10);

  /** 24 months to October 2016: 100 a month in the first 12, then 93, 92, 93... */
  private static Series crime() {
    // previous 12 (Nov 2014 - Oct 2015): 12 × 100 = 1200
    // current 12 (Nov 2015 - Oct 2016): 93 × 10 + 92 × 2 = 930 + 184 = 1114
    return monthly(Unit.COUNT, 24, i -> i < 12 ? "100" : (i == 15 || i == 20) ? "92" : "93");
  }

  static Series monthly(Unit unit, int months, IntFunction<String> value) {
    List<Observation> values = new ArrayList<>();
    YearMonth first = OCT_2016.minusMonths(months - 1L);
    for (int i = 0; i < months; i++) {
      values.add(
          new Observation(
              IndicatorPeriod.month(first.plusMonths(i)),
              new BigDecimal(value.apply(i)),
              null,
              null));
    }
    return new Series(unit, null, values);
  }

  static Indicator indicator(
      Unit unit,
      Polarity polarity,
      @Nullable String baselinePeriod,
      @Nullable String baselineValue,
      @Nullable String targetPeriod,
      @Nullable String targetValue,
      @Nullable String targetChangePct) {
    return new Indicator(
        1,
        "1",
        "Test indicator",
        "",
        unit,
        polarity,
        Frequency.MONTHLY,
        "",
        "",
        null,
        baselinePeriod == null ? null : IndicatorPeriod.parse(baselinePeriod),
        baselineValue == null ? null : new BigDecimal(baselineValue),
        targetPeriod == null ? null : IndicatorPeriod.parse(targetPeriod),
        targetValue == null ? null : new BigDecimal(targetValue),
        targetChangePct == null ? null : new BigDecimal(targetChangePct),
        Indicator.DEFAULT_TOLERANCE,
        List.of(),
        false,
        0);
  }

  private static Performance at(Indicator indicator, Series own, YearMonth month) {
    return Performance.of(indicator, own, null, "", month, RagScheme.FOUR);
  }

  @Test
  void comparesTheTwelveMonthsToAMonthWithTheTwelveBefore() {
    Performance p =
        at(
            indicator(Unit.COUNT, Polarity.LOWER_IS_BETTER, null, null, null, null, null),
            crime(),
            OCT_2016);
    assertThat(p.current().ratio().rounded(0)).isEqualByComparingTo("1114");
    assertThat(p.previous().ratio().rounded(0)).isEqualByComparingTo("1200");
    // (1114 - 1200) / 1200 = -7.1666...% -> -7.2
    assertThat(p.changePct()).isEqualByComparingTo("-7.2");
    assertThat(p.rating()).isNull();
  }

  @Test
  void roundsHalfUpToOneDecimalPlace() {
    // 400 -> 401 is +0.25% exactly: half-up gives 0.3; 400 -> 399 is -0.25%: -0.3
    Ratio before = Ratio.of(new BigDecimal("400"));
    assertThat(Ratio.of(new BigDecimal("401")).changeFrom(before)).isEqualByComparingTo("0.3");
    assertThat(Ratio.of(new BigDecimal("399")).changeFrom(before)).isEqualByComparingTo("-0.3");
    // 8 -> 9 is +12.5%: 12.5 stays; 3 -> 1 is -66.666...%: -66.7
    assertThat(Ratio.of(BigDecimal.valueOf(9)).changeFrom(Ratio.of(BigDecimal.valueOf(8))))
        .isEqualByComparingTo("12.5");
    assertThat(Ratio.of(BigDecimal.ONE).changeFrom(Ratio.of(BigDecimal.valueOf(3))))
        .isEqualByComparingTo("-66.7");
    // nothing to compare with: no percentage
    assertThat(Ratio.of(BigDecimal.ONE).changeFrom(Ratio.of(BigDecimal.ZERO))).isNull();
  }

  @Test
  void aMissingMonthSaysSoInsteadOfProducingANumber() {
    Series gappy =
        new Series(
            Unit.COUNT,
            null,
            crime().observations().stream()
                .filter(o -> !o.period().first().equals(YearMonth.of(2016, 3)))
                .toList());
    Performance p =
        at(
            indicator(Unit.COUNT, Polarity.LOWER_IS_BETTER, null, null, null, null, null),
            gappy,
            OCT_2016);
    assertThat(p.current().isKnown()).isFalse();
    assertThat(p.current().missing()).isEqualTo("No value for 2016-03");
    assertThat(p.changePct()).isNull();
    assertThat(p.previous().ratio().rounded(0)).isEqualByComparingTo("1200");
  }

  @Test
  void percentagesComeFromSummedNumeratorsAndDenominatorsNotAveragedPercentages() {
    // month 1: 1 of 1 (100%); month 2: 21 of 40 (52.5%). Averaging would give 76.3%;
    // the right figure is 22 of 41 = 53.658...% -> 53.7
    List<Observation> values =
        List.of(
            new Observation(
                IndicatorPeriod.parse("2016-09"),
                new BigDecimal("100"),
                BigDecimal.ONE,
                BigDecimal.ONE),
            new Observation(
                IndicatorPeriod.parse("2016-10"),
                new BigDecimal("52.5"),
                BigDecimal.valueOf(21),
                BigDecimal.valueOf(40)));
    Series safety = new Series(Unit.PERCENTAGE, null, values);
    Total total = safety.over(YearMonth.of(2016, 9), OCT_2016);
    assertThat(total.ratio().rounded(1)).isEqualByComparingTo("53.7");
    assertThat(total.ratio().count()).isEqualByComparingTo("22");
  }

  @Test
  void ratesPerThousandUseThePopulationAtTheEndOfTheRun() {
    // 12 months of 10 offences, population 271,100: 120 × 1000 / 271100 = 0.4426... -> 0.4
    Series rate =
        new Series(
            Unit.RATE_PER_1000,
            new BigDecimal("271100"),
            monthly(Unit.COUNT, 12, i -> "0").observations().stream()
                .map(o -> new Observation(o.period(), null, BigDecimal.TEN, null))
                .toList());
    assertThat(rate.twelveMonthsTo(OCT_2016).ratio().rounded(1)).isEqualByComparingTo("0.4");
    assertThat(rate.twelveMonthsTo(OCT_2016).ratio().rounded(3)).isEqualByComparingTo("0.443");
  }

  @Test
  void comparesWithTheBaselineAndTheComparatorOverTheSameMonths() {
    Indicator reduce =
        indicator(Unit.COUNT, Polarity.LOWER_IS_BETTER, "2011/12", "1500", null, null, null);
    // London: 5000 a month, then 4750: 60000 -> 57000 is -5.0%
    Series london = monthly(Unit.COUNT, 24, i -> i < 12 ? "5000" : "4750");
    Performance p = Performance.of(reduce, crime(), london, "London", OCT_2016, RagScheme.FOUR);
    // (1114 - 1500) / 1500 = -25.7333...% -> -25.7
    assertThat(p.changeVsBaselinePct()).isEqualByComparingTo("-25.7");
    assertThat(p.comparatorArea()).isEqualTo("London");
    assertThat(p.comparatorChangePct()).isEqualByComparingTo("-5.0");
  }

  @Test
  void yearToDateIsAgainstTheSameMonthsLastYear() {
    Performance p =
        at(
            indicator(Unit.COUNT, Polarity.LOWER_IS_BETTER, null, null, null, null, null),
            crime(),
            OCT_2016);
    // April to October 2016 (indexes 17..23): 93 × 6 + 92 (index 20) = 650
    // April to October 2015 (indexes 5..11): 7 × 100 = 700; change -7.1428...% -> -7.1
    assertThat(p.yearToDate().ratio().rounded(0)).isEqualByComparingTo("650");
    assertThat(p.yearToDateLastYear().ratio().rounded(0)).isEqualByComparingTo("700");
    assertThat(p.yearToDateChangePct()).isEqualByComparingTo("-7.1");
  }

  @Test
  void aChangeTargetFollowsATrajectoryFromTheBaseline() {
    // -20% by 2016/17 from 1500 in 2011/12: target 1200 at March 2017.
    // The trajectory runs 60 months from March 2012; October 2016 is 55 months in:
    // (1500 × 5 + 1200 × 55) / 60 = 1225.
    Indicator reduce =
        indicator(Unit.COUNT, Polarity.LOWER_IS_BETTER, "2011/12", "1500", "2016/17", null, "-20");
    Performance p = at(reduce, crime(), OCT_2016);
    assertThat(p.target().rounded(0)).isEqualByComparingTo("1200");
    assertThat(p.trajectory().rounded(0)).isEqualByComparingTo("1225");
    // 1114 is 9.06% below the trajectory, and lower is better: not behind at all
    assertThat(p.behindTrajectoryPct()).isEqualByComparingTo("-9.1");
    assertThat(p.rating()).isEqualTo(RagRating.GREEN);
  }

  @Test
  void theToleranceTurnsDistanceBehindTheTrajectoryIntoARating() {
    Indicator reduce =
        indicator(Unit.COUNT, Polarity.LOWER_IS_BETTER, "2011/12", "1500", "2016/17", null, "-20");
    // trajectory 1225 at October 2016 (see above); tolerance 5%
    assertThat(ratingWith(reduce, 102, RagScheme.FOUR)).isEqualTo(RagRating.GREEN); // 1224
    assertThat(ratingWith(reduce, 106, RagScheme.FOUR))
        .isEqualTo(RagRating.AMBER_GREEN); // 1272: 3.8% behind
    assertThat(ratingWith(reduce, 110, RagScheme.FOUR))
        .isEqualTo(RagRating.AMBER_RED); // 1320: 7.8% behind
    assertThat(ratingWith(reduce, 120, RagScheme.FOUR)).isEqualTo(RagRating.RED); // 1440: 17.6%
    assertThat(ratingWith(reduce, 106, RagScheme.THREE)).isEqualTo(RagRating.AMBER);
    assertThat(ratingWith(reduce, 110, RagScheme.THREE)).isEqualTo(RagRating.RED);
  }

  @Test
  void aRateTargetInPointsIsTheBaselinePlusThePoints() {
    // repeat cases 31% in 2015/16; target 2 points lower (29%) by 2016/17. October 2016 is 7 of
    // the 12 months from March 2016 to March 2017: the trajectory is 31 - 2 × 7/12 = 29.83%.
    Indicator points =
        new Indicator(
            1,
            "1",
            "Repeat cases",
            "",
            Unit.PERCENTAGE,
            Polarity.LOWER_IS_BETTER,
            Frequency.MONTHLY,
            "",
            "",
            null,
            IndicatorPeriod.parse("2015/16"),
            new BigDecimal("31"),
            IndicatorPeriod.parse("2016/17"),
            null,
            null,
            new BigDecimal("-2"),
            Indicator.DEFAULT_TOLERANCE,
            List.of(),
            false,
            0);
    // 300 of 1,000 cases a month: 30.0%, 0.6% behind the trajectory, within the tolerance
    Series thirty =
        new Series(
            Unit.PERCENTAGE,
            null,
            monthly(Unit.COUNT, 12, i -> "0").observations().stream()
                .map(
                    o ->
                        new Observation(
                            o.period(), null, BigDecimal.valueOf(300), BigDecimal.valueOf(1000)))
                .toList());

    Performance p = at(points, thirty, OCT_2016);

    assertThat(points.hasTarget()).isTrue();
    assertThat(points.targetText()).isEqualTo("-2 points by 2016/17 from 2015/16");
    assertThat(p.target().rounded(1)).isEqualByComparingTo("29.0");
    assertThat(p.trajectory().rounded(2)).isEqualByComparingTo("29.83");
    assertThat(p.behindTrajectoryPct()).isEqualByComparingTo("0.6");
    assertThat(p.rating()).isEqualTo(RagRating.AMBER_GREEN);
    // the same rate with a target of 2% lower (30.38%) is on track: a rate with a % target works
    Indicator pct =
        indicator(
            Unit.PERCENTAGE, Polarity.LOWER_IS_BETTER, "2015/16", "31", "2016/17", null, "-2");
    assertThat(at(pct, thirty, OCT_2016).target().rounded(2)).isEqualByComparingTo("30.38");
    assertThat(at(pct, thirty, OCT_2016).rating()).isEqualTo(RagRating.GREEN);
    // and its change on the baseline is in points: 31% to 30% is down 1 point (3.2%)
    assertThat(p.changeOnBaseline().words()).isEqualTo("Down 1.0 points (3.2%)");
  }

  private static RagRating ratingWith(Indicator indicator, int monthly, RagScheme scheme) {
    Series flat = monthly(Unit.COUNT, 12, i -> Integer.toString(monthly));
    return Performance.of(indicator, flat, null, "", OCT_2016, scheme).rating();
  }

  @Test
  void aValueTargetWithoutBaselineIsJudgedAgainstTheTargetItself() {
    // increase referrals to 410 by 2016/17; 12 months of 33 = 396: 3.4% short -> Amber/Green
    Indicator increase =
        indicator(Unit.COUNT, Polarity.HIGHER_IS_BETTER, null, null, "2016/17", "410", null);
    Performance p = at(increase, monthly(Unit.COUNT, 12, i -> "33"), OCT_2016);
    assertThat(p.trajectory().rounded(0)).isEqualByComparingTo("410");
    assertThat(p.behindTrajectoryPct()).isEqualByComparingTo("3.4");
    assertThat(p.rating()).isEqualTo(RagRating.AMBER_GREEN);
  }

  @Test
  void anIndicatorWithNeitherPolarityIsNeverRated() {
    Indicator neither = indicator(Unit.COUNT, Polarity.NEITHER, null, null, "2016/17", "410", null);
    assertThat(at(neither, monthly(Unit.COUNT, 12, i -> "1"), OCT_2016).rating()).isNull();
  }

  @Test
  void quarterlyValuesMakeTwelveMonthsOnlyAtTheEndOfAQuarter() {
    List<Observation> quarters = new ArrayList<>();
    String[] periods = {"2015/16 Q3", "2015/16 Q4", "2016/17 Q1", "2016/17 Q2"};
    for (String period : periods) {
      quarters.add(new Observation(IndicatorPeriod.parse(period), BigDecimal.TEN, null, null));
    }
    Series series = new Series(Unit.COUNT, null, quarters);
    assertThat(series.twelveMonthsTo(YearMonth.of(2016, 9)).ratio().rounded(0))
        .isEqualByComparingTo("40");
    assertThat(series.twelveMonthsTo(OCT_2016).isKnown()).isFalse();
  }

  @Test
  void aCompositeIsTheSumOfItsPartsForThePeriodsTheyAllHave() {
    Series a = monthly(Unit.COUNT, 3, i -> "5");
    Series b = monthly(Unit.COUNT, 2, i -> "7");
    Series total = Series.sum(Unit.COUNT, List.of(a, b));
    // b has only September and October 2016
    assertThat(total.observations()).hasSize(2);
    assertThat(total.at(IndicatorPeriod.parse("2016-10")).orElseThrow().value())
        .isEqualByComparingTo("12");
  }
}
