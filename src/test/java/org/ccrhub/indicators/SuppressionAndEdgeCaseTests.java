package org.ccrhub.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ccrhub.shared.RagScheme;
import org.junit.jupiter.api.Test;

/** Review findings: each test states what the issue asks and fails on the current code. */
class SuppressionAndEdgeCaseTests {

  private static final YearMonth OCT_2016 = YearMonth.of(2016, 10);
  private static final Suppression FIVE = new Suppression(5);

  private static Indicator ind(
      long id,
      String ref,
      Unit unit,
      String baselineValue,
      String changePct,
      List<String> sumOf,
      boolean published) {
    return new Indicator(
        id,
        ref,
        "Indicator " + ref,
        "",
        unit,
        Polarity.LOWER_IS_BETTER,
        Frequency.MONTHLY,
        "",
        "",
        null,
        baselineValue == null ? null : IndicatorPeriod.parse("2011/12"),
        baselineValue == null ? null : new BigDecimal(baselineValue),
        changePct == null ? null : IndicatorPeriod.parse("2016/17"),
        null,
        changePct == null ? null : new BigDecimal(changePct),
        Indicator.DEFAULT_TOLERANCE,
        sumOf,
        published,
        0);
  }

  private static Series flat(int perMonth) {
    return PerformanceTests.monthly(Unit.COUNT, 24, i -> Integer.toString(perMonth));
  }

  /** A change target next to a hidden baseline gives the baseline away: 4 × 0.75 = 3. */
  @Test
  void aTargetWorkedOutFromAHiddenBaselineIsHidden() {
    Indicator i = ind(1, "1", Unit.COUNT, "4", "-25", List.of(), true);
    IndicatorData data =
        new IndicatorData(1, RagScheme.FOUR, List.of(i), Map.of(1L, Map.of("", flat(10))));
    List<String> row = PerformanceTable.of(data, OCT_2016, null, FIVE, x -> true).cells().get(0);
    assertThat(row.get(6)).isEqualTo("<5"); // baseline hidden ...
    assertThat(row.get(9)).as("target = baseline × 0.75").isNotEqualTo("3"); // ... but target is 3
  }

  /** An average number of days over 2 cases: the cases (denominator) are what identify people. */
  @Test
  void anAverageOfDaysOverTwoCasesIsHidden() {
    Indicator days = ind(1, "1", Unit.DAYS, null, null, List.of(), true);
    List<Observation> obs = new ArrayList<>();
    for (int m = 0; m < 12; m++) {
      YearMonth month = OCT_2016.minusMonths(m);
      boolean one = m == 0 || m == 5;
      obs.add(
          new Observation(
              IndicatorPeriod.month(month),
              null,
              BigDecimal.valueOf(one ? 60 : 0),
              BigDecimal.valueOf(one ? 1 : 0)));
    }
    // every month but two has 0/0: add one real denominator so the ratio is defined
    Series s = new Series(Unit.DAYS, null, obs);
    IndicatorData data =
        new IndicatorData(1, RagScheme.FOUR, List.of(days), Map.of(1L, Map.of("", s)));
    List<String> row = PerformanceTable.of(data, OCT_2016, null, FIVE, x -> true).cells().get(0);
    assertThat(row.get(3)).as("120 days over 2 cases = 60.0").isEqualTo("[c]");
  }

  /** Baselines of a composite and its parts: one hidden part baseline is total minus the others. */
  @Test
  void aHiddenPartBaselineCannotBeWorkedOutFromTheTotal() {
    Indicator total = ind(1, "1", Unit.COUNT, "100", null, List.of("1.1", "1.2"), true);
    Indicator a = ind(2, "1.1", Unit.COUNT, "3", null, List.of(), true);
    Indicator b = ind(3, "1.2", Unit.COUNT, "97", null, List.of(), true);
    Map<Long, Map<String, Series>> series = new HashMap<>();
    series.put(1L, Map.of("", Series.sum(Unit.COUNT, List.of(flat(10), flat(20)))));
    series.put(2L, Map.of("", flat(10)));
    series.put(3L, Map.of("", flat(20)));
    IndicatorData data = new IndicatorData(1, RagScheme.FOUR, List.of(total, a, b), series);
    List<List<String>> cells = PerformanceTable.of(data, OCT_2016, null, FIVE, x -> true).cells();
    // 100 - 97 = 3: the other part's baseline is hidden too
    assertThat(cells).extracting(r -> r.get(6)).containsExactly("100", "<5", "[c]");
  }

  /** Public page: a published total and a published part reveal an unpublished small part. */
  @Test
  void aPublishedTotalDoesNotRevealAnUnpublishedSmallPart() {
    Indicator total = ind(1, "1", Unit.COUNT, null, null, List.of("1.1", "1.2"), true);
    Indicator small = ind(2, "1.1", Unit.COUNT, null, null, List.of(), false);
    Indicator big = ind(3, "1.2", Unit.COUNT, null, null, List.of(), true);
    Series s = PerformanceTests.monthly(Unit.COUNT, 24, i -> i == 23 ? "3" : "0");
    Map<Long, Map<String, Series>> series = new HashMap<>();
    series.put(1L, Map.of("", Series.sum(Unit.COUNT, List.of(s, flat(10)))));
    series.put(2L, Map.of("", s));
    series.put(3L, Map.of("", flat(10)));
    IndicatorData data = new IndicatorData(1, RagScheme.FOUR, List.of(total, small, big), series);
    List<List<String>> cells =
        PerformanceTable.of(data, OCT_2016, null, FIVE, Indicator::published).cells();
    // total 123, part 1.2 = 120: the unpublished part is 3
    assertThat(cells).extracting(r -> r.get(3)).doesNotContainSequence("123", "120");
  }

  /** The comparator column is headed with one area though rows use different ones. */
  @Test
  void theComparatorColumnIsNotLabelledWithAnAreaSomeRowsDoNotUse() {
    Indicator a = ind(1, "1", Unit.COUNT, null, null, List.of(), true);
    Indicator b = ind(2, "2", Unit.COUNT, null, null, List.of(), true);
    Map<Long, Map<String, Series>> series = new HashMap<>();
    series.put(1L, Map.of("", flat(10), "London", flat(1000)));
    series.put(2L, Map.of("", flat(10), "England", flat(9000)));
    IndicatorData data = new IndicatorData(1, RagScheme.FOUR, List.of(a, b), series);
    PerformanceTable t = PerformanceTable.of(data, OCT_2016, null, FIVE, x -> true);
    assertThat(t.rows())
        .extracting(r -> r.performance().comparatorArea())
        .containsExactly("London", "England");
    assertThat(t.comparator()).as("header says '<comparator> change %'").isEmpty();
  }

  /** A yearly indicator is judged at the end of its last whole year, and says so. */
  @Test
  void aYearlyIndicatorHasAFigureAtTheEndOfAQuarter() {
    Indicator yearly =
        new Indicator(
            1,
            "1",
            "Yearly",
            "",
            Unit.COUNT,
            Polarity.NEITHER,
            Frequency.YEARLY,
            "",
            "",
            null,
            null,
            null,
            null,
            null,
            null,
            Indicator.DEFAULT_TOLERANCE,
            List.of(),
            true,
            0);
    Series years =
        new Series(
            Unit.COUNT,
            null,
            List.of(
                new Observation(
                    IndicatorPeriod.parse("2014/15"), BigDecimal.valueOf(400), null, null),
                new Observation(
                    IndicatorPeriod.parse("2015/16"), BigDecimal.valueOf(410), null, null)));
    Performance p = Performance.of(yearly, years, null, "", YearMonth.of(2016, 9), RagScheme.FOUR);
    assertThat(p.month()).isEqualTo(YearMonth.of(2016, 3));
    assertThat(p.current().ratio().rounded(0)).isEqualByComparingTo("410");
    assertThat(p.changePct()).isEqualByComparingTo("2.5");
    IndicatorData data =
        new IndicatorData(1, RagScheme.FOUR, List.of(yearly), Map.of(1L, Map.of("", years)));
    PerformanceTable t = PerformanceTable.of(data, YearMonth.of(2016, 9), null, FIVE, x -> true);
    assertThat(t.rows().get(0).current()).isEqualTo("410");
    assertThat(t.rows().get(0).notes())
        .containsExactly("Reported yearly: the 12 months to Mar 2016");
  }

  /** User text in the chart SVG is escaped. */
  @Test
  void chartTextIsEscaped() {
    Indicator i =
        new Indicator(
            1,
            "1",
            "<script>alert(1)</script>",
            "",
            Unit.PERCENTAGE,
            Polarity.HIGHER_IS_BETTER,
            Frequency.MONTHLY,
            "",
            "",
            null,
            null,
            null,
            null,
            BigDecimal.TEN,
            null,
            Indicator.DEFAULT_TOLERANCE,
            List.of(),
            true,
            0);
    Total own = Total.of(new Ratio(BigDecimal.TEN, BigDecimal.ONE, BigDecimal.TEN));
    List<IndicatorCharts.Point> points =
        List.of(
            new IndicatorCharts.Point(OCT_2016.minusMonths(1), own, own),
            new IndicatorCharts.Point(OCT_2016, own, own));
    for (boolean pdf : new boolean[] {false, true}) {
      String svg =
          IndicatorCharts.svg(
              i,
              points,
              "A&B <img src=x onerror=alert(1)>",
              "<script>x</script>",
              new Ratio(BigDecimal.TEN, BigDecimal.ONE, null),
              600,
              300,
              pdf);
      assertThat(svg).doesNotContain("<script").doesNotContain("<img");
    }
  }
}
