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

class PerformanceTableTests {

  private static final YearMonth OCT_2016 = YearMonth.of(2016, 10);

  private static Indicator count(long id, String ref, String name, List<String> sumOf) {
    return new Indicator(
        id,
        ref,
        name,
        "",
        Unit.COUNT,
        Polarity.LOWER_IS_BETTER,
        Frequency.MONTHLY,
        "",
        "",
        null,
        null,
        null,
        null,
        null,
        null,
        Indicator.DEFAULT_TOLERANCE,
        sumOf,
        false,
        0);
  }

  /** 24 months: {@code before} in each of the first 12 months' total, {@code now} in the last. */
  private static Series yearly(int before, int now) {
    // all of a year's count in its last month, none in the others
    return PerformanceTests.monthly(
        Unit.COUNT,
        24,
        i -> i == 11 ? Integer.toString(before) : i == 23 ? Integer.toString(now) : "0");
  }

  private static IndicatorData data(Map<Indicator, Series> own, Map<Indicator, Series> london) {
    Map<Long, Map<String, Series>> series = new HashMap<>();
    own.forEach((i, s) -> series.computeIfAbsent(i.id(), k -> new HashMap<>()).put("", s));
    london.forEach((i, s) -> series.computeIfAbsent(i.id(), k -> new HashMap<>()).put("London", s));
    List<Indicator> indicators =
        own.keySet().stream().sorted((a, b) -> a.ref().compareTo(b.ref())).toList();
    return new IndicatorData(1, RagScheme.FOUR, indicators, series);
  }

  @Test
  void theCsvCellsArePlainNumbersWithOneDecimalAndBlanksWhereUndefined() {
    Indicator crime = count(1, "1", "Domestic abuse offences", List.of());
    Indicator newOne = count(2, "2", "Stalking referrals", List.of());
    IndicatorData data =
        data(
            Map.of(
                crime,
                yearly(1200, 1114),
                newOne,
                PerformanceTests.monthly(Unit.COUNT, 12, i -> "10")),
            Map.of(crime, yearly(60000, 57000)));
    PerformanceTable table = PerformanceTable.of(data, OCT_2016, null, Suppression.NONE, i -> true);

    assertThat(table.cells())
        .containsExactly(
            List.of(
                "1", "Domestic abuse offences", "1200", "1114", "-7.2", "", "", "", "-5.0", "", ""),
            List.of("2", "Stalking referrals", "", "120", "", "", "", "", "", "", ""));
    assertThat(table.rows().get(1).notes())
        .containsExactly(
            "Previous 12 months: No value for 2014-11, 2014-12, 2015-01, 2015-02 and 8 more");
    assertThat(table.comparator()).isEqualTo("London");
  }

  @Test
  void smallCountsAreHiddenWithWhatWouldRevealThem() {
    Indicator crime = count(1, "1", "Offences", List.of());
    IndicatorData data = data(Map.of(crime, yearly(3, 100)), Map.of());
    PerformanceTable table =
        PerformanceTable.of(data, OCT_2016, null, new Suppression(5), i -> true);
    // 3 is hidden; the change from it (+3233.3%) would give it away
    assertThat(table.cells().get(0))
        .containsExactly("1", "Offences", "<5", "100", "[c]", "", "", "", "", "", "");
    assertThat(table.rows().get(0).change().headline()).isEqualTo("[c]");
    assertThat(table.rows().get(0).change().direction()).isNull();
  }

  @Test
  void zeroIsNotHiddenAndFiveIsShown() {
    Indicator crime = count(1, "1", "Offences", List.of());
    IndicatorData data = data(Map.of(crime, yearly(0, 5)), Map.of());
    PerformanceTable table =
        PerformanceTable.of(data, OCT_2016, null, new Suppression(5), i -> true);
    assertThat(table.cells().get(0).subList(2, 5)).containsExactly("0", "5", "");
  }

  @Test
  void aSecondCellIsHiddenWhereTheTotalWouldRevealAHiddenOne() {
    Indicator total = count(1, "1", "All offences", List.of("1.1", "1.2", "1.3"));
    Indicator a = count(2, "1.1", "Stalking", List.of());
    Indicator b = count(3, "1.2", "Harassment", List.of());
    Indicator c = count(4, "1.3", "Coercive control", List.of());
    Series sa = yearly(40, 3);
    Series sb = yearly(50, 50);
    Series sc = yearly(60, 20);
    Map<Long, Map<String, Series>> series = new HashMap<>();
    series.put(1L, Map.of("", Series.sum(Unit.COUNT, List.of(sa, sb, sc))));
    series.put(2L, Map.of("", sa));
    series.put(3L, Map.of("", sb));
    series.put(4L, Map.of("", sc));
    IndicatorData data = new IndicatorData(1, RagScheme.FOUR, List.of(total, a, b, c), series);

    PerformanceTable table =
        PerformanceTable.of(data, OCT_2016, null, new Suppression(5), i -> true);

    // current: total 73 = 3 (hidden) + 50 + 20; 20, the smallest other part, is hidden too
    assertThat(table.cells())
        .extracting(row -> row.get(3))
        .containsExactly("73", "<5", "50", "[c]");
    // and the change for the complement is hidden with it; previous figures are all shown
    assertThat(table.cells())
        .extracting(row -> row.get(2))
        .containsExactly("150", "40", "50", "60");
    assertThat(table.cells().get(3).get(4)).isEqualTo("[c]");
    assertThat(table.cells().get(2).get(4)).isEqualTo("0.0");
  }

  @Test
  void percentagesFromAFewCasesAreHidden() {
    Indicator safety =
        new Indicator(
            1,
            "3",
            "Safety increased",
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
            null,
            null,
            Indicator.DEFAULT_TOLERANCE,
            List.of(),
            false,
            0);
    // 12 months with one case asked each month; 3 of the 12 said yes: 25.0%, from 3 cases
    List<Observation> months = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      months.add(
          new Observation(
              IndicatorPeriod.month(OCT_2016.minusMonths(i)),
              null,
              BigDecimal.valueOf(i < 3 ? 1 : 0),
              BigDecimal.ONE));
    }
    Series few = new Series(Unit.PERCENTAGE, null, months);
    IndicatorData data =
        new IndicatorData(1, RagScheme.FOUR, List.of(safety), Map.of(1L, Map.of("", few)));
    PerformanceTable shown = PerformanceTable.of(data, OCT_2016, null, Suppression.NONE, i -> true);
    PerformanceTable hidden =
        PerformanceTable.of(data, OCT_2016, null, new Suppression(5), i -> true);
    assertThat(shown.cells().get(0).get(3)).isEqualTo("25.0");
    assertThat(hidden.cells().get(0).get(3)).isEqualTo("[c]");
  }

  private static Indicator rate(long id, String ref, String name, Polarity polarity) {
    return new Indicator(
        id,
        ref,
        name,
        "",
        Unit.PERCENTAGE,
        polarity,
        Frequency.MONTHLY,
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
        false,
        0);
  }

  @Test
  void aRateChangesInPointsInTheCsvAndOnScreenWhileACountKeepsItsPercentage() {
    Indicator repeats = rate(1, "1", "Repeat cases at the MARAC", Polarity.LOWER_IS_BETTER);
    Indicator crime = count(2, "2", "Domestic abuse offences", List.of());
    // 311 of 1,000 cases (31.1%), then 306 of 1,000 (30.6%)
    List<Observation> months = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      months.add(
          new Observation(
              IndicatorPeriod.month(OCT_2016.minusMonths(23 - i)),
              null,
              BigDecimal.valueOf(i < 12 ? 311 : 306),
              BigDecimal.valueOf(1000)));
    }
    Series series = new Series(Unit.PERCENTAGE, null, months);
    IndicatorData data =
        data(Map.of(repeats, series, crime, yearly(1200, 1114)), Map.of(crime, yearly(10, 10)));

    PerformanceTable table = PerformanceTable.of(data, OCT_2016, null, Suppression.NONE, i -> true);

    assertThat(table.cells().get(0))
        .containsExactly(
            "1", "Repeat cases at the MARAC", "31.1", "30.6", "-1.6", "-0.5", "", "", "", "", "");
    assertThat(table.cells().get(1).subList(4, 6)).containsExactly("-7.2", "");
    PerformanceTable.Row rate = table.rows().get(0);
    assertThat(rate.change())
        .isEqualTo(
            new PerformanceTable.ShownChange("-0.5 points", "-1.6%", Change.Direction.BETTER));
    assertThat(rate.shown(rate.current())).isEqualTo("30.6%");
    PerformanceTable.Row count = table.rows().get(1);
    assertThat(count.change())
        .isEqualTo(new PerformanceTable.ShownChange("-7.2%", "", Change.Direction.BETTER));
    assertThat(count.shown(count.previous())).isEqualTo("1,200");
    // the comparator's change is shown without saying better or worse
    assertThat(count.comparatorChange())
        .isEqualTo(new PerformanceTable.ShownChange("0.0%", "", null));
  }

  @Test
  void hiddenFiguresAndBlanksAreShownAsTheyAre() {
    Indicator crime = count(1, "1", "Offences", List.of());
    IndicatorData data = data(Map.of(crime, yearly(3, 12345)), Map.of());
    PerformanceTable.Row row =
        PerformanceTable.of(data, OCT_2016, null, new Suppression(5), i -> true).rows().get(0);

    assertThat(row.shown(row.previous())).isEqualTo("<5");
    assertThat(row.shown(row.current())).isEqualTo("12,345");
    assertThat(row.shown(row.baseline())).isEmpty();
    assertThat(row.changeOnBaseline().isEmpty()).isTrue();
  }
}
