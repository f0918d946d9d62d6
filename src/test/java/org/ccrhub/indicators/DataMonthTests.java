package org.ccrhub.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The data month: the latest month with a figure for every indicator shown, and what is missing.
 */
class DataMonthTests {

  private static final YearMonth SEP_2016 = YearMonth.of(2016, 9);
  private static final YearMonth OCT_2016 = YearMonth.of(2016, 10);
  private static final YearMonth NOV_2016 = YearMonth.of(2016, 11);

  private final List<Indicator> indicators = new ArrayList<>();
  private final Map<Long, Series> values = new HashMap<>();

  /** A monthly indicator with values for the 24 months to {@code last}. */
  private Indicator monthly(String ref, YearMonth last) {
    return add(ref, Frequency.MONTHLY, months(last, 24));
  }

  private Indicator add(String ref, Frequency frequency, List<IndicatorPeriod> periods) {
    Indicator indicator =
        new Indicator(
            indicators.size() + 1L,
            ref,
            "Indicator " + ref,
            "",
            Unit.COUNT,
            Polarity.LOWER_IS_BETTER,
            frequency,
            "Police",
            "Community safety team",
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
    indicators.add(indicator);
    List<Observation> observations = new ArrayList<>();
    for (IndicatorPeriod p : periods) {
      observations.add(new Observation(p, BigDecimal.TEN, null, null));
    }
    values.put(indicator.id(), new Series(Unit.COUNT, null, observations));
    return indicator;
  }

  private static List<IndicatorPeriod> months(YearMonth last, int count) {
    List<IndicatorPeriod> periods = new ArrayList<>();
    for (int i = count - 1; i >= 0; i--) {
      periods.add(IndicatorPeriod.month(last.minusMonths(i)));
    }
    return periods;
  }

  private DataMonth latest(YearMonth limit) {
    return DataMonth.latest(indicators, i -> values.get(i.id()), limit, limit.minusMonths(1));
  }

  private static List<String> refs(DataMonth month) {
    return month.missing().stream().map(m -> m.indicator().ref()).toList();
  }

  @Test
  void isTheLatestMonthWhenEveryIndicatorHasIt() {
    for (int i = 1; i <= 3; i++) {
      monthly(Integer.toString(i), OCT_2016);
    }
    DataMonth month = latest(NOV_2016);
    assertThat(month.month()).isEqualTo(OCT_2016);
    assertThat(month.complete()).isTrue();
    assertThat(month.anyFigure()).isTrue();
    assertThat(month.byDefault()).isTrue();
  }

  @Test
  void waitsForHealthDataAMonthBehindThePolice() {
    // 6 of 10 indicators have October, 4 only September: September, not October with 4 blanks
    for (int i = 1; i <= 6; i++) {
      monthly("P" + i, OCT_2016);
    }
    for (int i = 1; i <= 4; i++) {
      monthly("H" + i, SEP_2016);
    }
    DataMonth month = latest(NOV_2016);
    assertThat(month.month()).isEqualTo(SEP_2016);
    assertThat(month.missing()).isEmpty();

    DataMonth october = DataMonth.chosen(OCT_2016, indicators, i -> values.get(i.id()));
    assertThat(october.byDefault()).isFalse();
    assertThat(refs(october)).containsExactly("H1", "H2", "H3", "H4");
    assertThat(october.missing().get(0).latestText()).isEqualTo("September 2016");
    assertThat(october.missing().get(0).providedBy())
        .isEqualTo("Source: Police; owner: Community safety team");
  }

  @Test
  void forTheCurrentQuarterIsTheLatestCompleteMonthBeforeItsEnd() {
    // a pack for 2016/17 Q3 (October to December) made in November: nothing for December yet
    for (int i = 1; i <= 3; i++) {
      monthly("P" + i, OCT_2016);
    }
    monthly("H1", SEP_2016);
    assertThat(latest(YearMonth.of(2016, 12)).month()).isEqualTo(SEP_2016);
  }

  @Test
  void forThePreviousQuarterIsItsLastMonthThoughLaterValuesExist() {
    // a pack for 2016/17 Q2 (July to September): October's values come after its end
    monthly("1", OCT_2016);
    monthly("2", NOV_2016);
    DataMonth month = latest(SEP_2016);
    assertThat(month.month()).isEqualTo(SEP_2016);
    assertThat(month.complete()).isTrue();
  }

  @Test
  void aSourceMoreThanTwoMonthsBehindDoesNotHoldTheOthersBack() {
    monthly("1", OCT_2016);
    monthly("2", OCT_2016);
    monthly("3", YearMonth.of(2016, 6));
    DataMonth month = latest(NOV_2016);
    // no month from August to October has every figure: October has the most
    assertThat(month.month()).isEqualTo(OCT_2016);
    assertThat(refs(month)).containsExactly("3");
    assertThat(month.missing().get(0).latestText()).isEqualTo("June 2016");
  }

  @Test
  void anIndicatorWithNoValuesIsMissingButHoldsNothingBack() {
    monthly("1", OCT_2016);
    add("2", Frequency.MONTHLY, List.of());
    DataMonth month = latest(NOV_2016);
    assertThat(month.month()).isEqualTo(OCT_2016);
    assertThat(refs(month)).containsExactly("2");
    assertThat(month.missing().get(0).latest()).isNull();
    assertThat(month.missing().get(0).latestText()).isEqualTo("No values yet");
  }

  @Test
  void withNoValuesByTheLimitIsTheFallbackWithEveryIndicatorMissing() {
    // values only from November 2017, for a pack for 2016/17 Q2
    add("1", Frequency.MONTHLY, months(YearMonth.of(2018, 1), 3));
    DataMonth month = DataMonth.latest(indicators, i -> values.get(i.id()), SEP_2016, SEP_2016);
    assertThat(month.month()).isEqualTo(SEP_2016);
    assertThat(refs(month)).containsExactly("1");
    assertThat(month.anyFigure()).isFalse();
    assertThat(month.missing().get(0).latestText()).isEqualTo("January 2018");
  }

  @Test
  void judgesAQuarterlyIndicatorAtTheLastQuarterClosed() {
    // monthly to January 2017; the quarter to December arrives late, so the one to September is
    // the last it has: November is the latest month with every figure
    monthly("1", YearMonth.of(2017, 1));
    add(
        "2",
        Frequency.QUARTERLY,
        List.of(IndicatorPeriod.parse("2016/17 Q1"), IndicatorPeriod.parse("2016/17 Q2")));
    DataMonth month = latest(YearMonth.of(2017, 2));
    assertThat(month.month()).isEqualTo(NOV_2016);
    assertThat(month.complete()).isTrue();
    // in January the quarter to December is the one it is judged at, and it is missing
    DataMonth january =
        DataMonth.chosen(YearMonth.of(2017, 1), indicators, i -> values.get(i.id()));
    assertThat(refs(january)).containsExactly("2");
    assertThat(january.missing().get(0).latestText()).isEqualTo("2016/17 Q2");
  }

  @Test
  void figuresAllQuarterlyAreToTheEndOfTheirQuarter() {
    add("1", Frequency.QUARTERLY, List.of(IndicatorPeriod.parse("2016/17 Q1")));
    add(
        "2",
        Frequency.QUARTERLY,
        List.of(IndicatorPeriod.parse("2016/17 Q1"), IndicatorPeriod.parse("2016/17 Q2")));
    // September lacks indicator 1's quarter; August has both at June: June names them
    DataMonth month = latest(NOV_2016);
    assertThat(month.month()).isEqualTo(YearMonth.of(2016, 6));
    assertThat(month.complete()).isTrue();
  }

  @Test
  void aYearlyFigureAwaitedDoesNotHoldTheMonthlyOnesBack() {
    // June 2017: the 2016/17 figure is not in yet, months after its year's end are not held back
    monthly("1", YearMonth.of(2017, 6));
    add("2", Frequency.YEARLY, List.of(IndicatorPeriod.parse("2015/16")));
    DataMonth month = latest(YearMonth.of(2017, 7));
    assertThat(month.month()).isEqualTo(YearMonth.of(2017, 6));
    assertThat(refs(month)).containsExactly("2");
    assertThat(month.missing().get(0).latestText()).isEqualTo("2015/16");
    // and it counts as present in the months its last year's figure covers
    assertThat(
            DataMonth.chosen(YearMonth.of(2017, 2), indicators, i -> values.get(i.id())).complete())
        .isTrue();
  }

  @Test
  void aValueForAQuarterCountsForAMonthlyIndicatorAtTheQuartersEnd() {
    add("1", Frequency.MONTHLY, List.of(IndicatorPeriod.parse("2016/17 Q2")));
    Series series = values.get(1L);
    assertThat(DataMonth.hasFigure(indicators.get(0), series, SEP_2016)).isTrue();
    assertThat(DataMonth.hasFigure(indicators.get(0), series, OCT_2016)).isFalse();
    assertThat(DataMonth.hasFigure(indicators.get(0), series, YearMonth.of(2016, 8))).isFalse();
  }

  @Test
  void saysWhoProvidesAnIndicatorWithWhatIsRecorded() {
    Indicator both = monthly("1", OCT_2016);
    Indicator none =
        new Indicator(
            9,
            "9",
            "Nine",
            "",
            Unit.COUNT,
            Polarity.NEITHER,
            Frequency.MONTHLY,
            " ",
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
    assertThat(DataMonth.providedBy(both))
        .isEqualTo("Source: Police; owner: Community safety team");
    assertThat(DataMonth.providedBy(none)).isEqualTo("No source or owner recorded");
  }

  @Test
  void listsTheMissingFiguresAsLinesForTheCommandLine() {
    monthly("1", OCT_2016);
    monthly("2", SEP_2016);
    DataMonth october = DataMonth.chosen(OCT_2016, indicators, i -> values.get(i.id()));
    assertThat(DataMonth.Missing.lines(october.month(), october.missing()))
        .containsExactly(
            "Figures missing for October 2016, left out:",
            "  2 Indicator 2 (Source: Police; owner: Community safety team; latest value:"
                + " September 2016)");
    assertThat(DataMonth.Missing.lines(SEP_2016, List.of())).isEmpty();
  }
}
