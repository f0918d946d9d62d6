package org.ccrhub.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each indicator's latest value, the period expected next, by when, and whether it is late. */
class DataCompletenessTests {

  private static Indicator indicator(Frequency frequency) {
    return new Indicator(
        1,
        "1",
        "Referrals",
        "",
        Unit.COUNT,
        Polarity.HIGHER_IS_BETTER,
        frequency,
        "MARAC",
        "MARAC coordinator",
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

  private static Series values(String... periods) {
    List<Observation> observations = new ArrayList<>();
    int n = 1;
    for (String p : periods) {
      observations.add(
          new Observation(IndicatorPeriod.parse(p), BigDecimal.valueOf(n++), null, null));
    }
    return new Series(Unit.COUNT, null, observations);
  }

  @Test
  void expectsTheNextMonthByTheEndOfTheMonthAfterIt() {
    Series series = values("2016-08", "2016-09");
    DataCompleteness.Line line =
        DataCompleteness.line(indicator(Frequency.MONTHLY), series, LocalDate.of(2016, 11, 30));
    assertThat(line.latest().period()).isEqualTo(IndicatorPeriod.parse("2016-09"));
    assertThat(line.latestFigure().ratio().rounded(0)).isEqualByComparingTo("2");
    assertThat(line.expected()).isEqualTo(IndicatorPeriod.parse("2016-10"));
    assertThat(line.dueBy()).isEqualTo(LocalDate.of(2016, 11, 30));
    assertThat(line.status()).isEqualTo(DataCompleteness.Status.UP_TO_DATE);

    DataCompleteness.Line december =
        DataCompleteness.line(indicator(Frequency.MONTHLY), series, LocalDate.of(2016, 12, 1));
    assertThat(december.status()).isEqualTo(DataCompleteness.Status.LATE);
    assertThat(december.late()).isTrue();
  }

  @Test
  void expectsTheNextQuarterOrYearByItsFrequency() {
    DataCompleteness.Line quarterly =
        DataCompleteness.line(
            indicator(Frequency.QUARTERLY),
            values("2016/17 Q1", "2016/17 Q2"),
            LocalDate.of(2017, 2, 1));
    assertThat(quarterly.expected()).isEqualTo(IndicatorPeriod.parse("2016/17 Q3"));
    assertThat(quarterly.dueBy()).isEqualTo(LocalDate.of(2017, 1, 31));
    assertThat(quarterly.status()).isEqualTo(DataCompleteness.Status.LATE);

    // monthly values of a quarterly indicator: the quarter the next month falls in
    assertThat(
            DataCompleteness.line(
                    indicator(Frequency.QUARTERLY), values("2016-10"), LocalDate.of(2016, 11, 1))
                .expected())
        .isEqualTo(IndicatorPeriod.parse("2016/17 Q3"));

    DataCompleteness.Line yearly =
        DataCompleteness.line(
            indicator(Frequency.YEARLY), values("2015/16"), LocalDate.of(2017, 4, 30));
    assertThat(yearly.expected()).isEqualTo(IndicatorPeriod.parse("2016/17"));
    assertThat(yearly.dueBy()).isEqualTo(LocalDate.of(2017, 4, 30));
    assertThat(yearly.status()).isEqualTo(DataCompleteness.Status.UP_TO_DATE);
  }

  @Test
  void theLatestValueIsTheOneThatEndsLast() {
    // a year recorded after a later month still ends before it
    DataCompleteness.Line line =
        DataCompleteness.line(
            indicator(Frequency.MONTHLY), values("2016-04", "2015/16"), LocalDate.of(2016, 5, 1));
    assertThat(line.latest().period()).isEqualTo(IndicatorPeriod.month(YearMonth.of(2016, 4)));
  }

  @Test
  void anIndicatorWithoutValuesExpectsNothing() {
    DataCompleteness completeness =
        DataCompleteness.of(
            List.of(indicator(Frequency.MONTHLY)),
            i -> Series.empty(Unit.COUNT),
            LocalDate.of(2016, 11, 1));
    DataCompleteness.Line line = completeness.lines().get(0);
    assertThat(line.status()).isEqualTo(DataCompleteness.Status.NO_VALUES);
    assertThat(line.status().label()).isEqualTo("No values yet");
    assertThat(line.expected()).isNull();
    assertThat(completeness.late()).isZero();
  }
}
