package org.ccrhub.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.ccrhub.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class IndicatorPeriodTests {

  @Test
  void readsMonthsAsPeopleAndSpreadsheetsWriteThem() {
    for (String text :
        new String[] {
          "2016-10",
          "2016-10-01",
          "Oct 2016",
          "October 2016",
          "oct-16",
          "10/2016",
          "01/10/2016",
          "31/10/2016",
          "15/10/16",
          "31 Oct 2016",
          "2016-10-31"
        }) {
      IndicatorPeriod period = IndicatorPeriod.parse(text);
      assertThat(period.months()).as(text).isEqualTo(1);
      assertThat(period.first()).as(text).isEqualTo(YearMonth.of(2016, 10));
      assertThat(period).as(text).hasToString("2016-10");
    }
  }

  @Test
  void readsAUkDateAsItsMonthNeverTheAmericanWayRound() {
    assertThat(IndicatorPeriod.parse("30/11/2026")).hasToString("2026-11");
    assertThat(IndicatorPeriod.parse("01/02/2017")).hasToString("2017-02");
    assertThatThrownBy(() -> IndicatorPeriod.parse("11/30/2026"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void readsFinancialQuartersAndYears() {
    IndicatorPeriod quarter = IndicatorPeriod.parse("2016/17 Q2");
    assertThat(quarter.first()).isEqualTo(YearMonth.of(2016, 7));
    assertThat(quarter.last()).isEqualTo(YearMonth.of(2016, 9));
    assertThat(quarter).hasToString("2016/17 Q2");

    IndicatorPeriod q4 = IndicatorPeriod.parse("Q4 2016/17");
    assertThat(q4.first()).isEqualTo(YearMonth.of(2017, 1));
    assertThat(q4).hasToString("2016/17 Q4");

    IndicatorPeriod year = IndicatorPeriod.parse("2016-17");
    assertThat(year.first()).isEqualTo(YearMonth.of(2016, 4));
    assertThat(year.last()).isEqualTo(YearMonth.of(2017, 3));
    assertThat(year).hasToString("2016/17");
  }

  @Test
  void refusesWhatIsNotAPeriod() {
    for (String text : new String[] {"2016-13", "Q5 2016/17", "2016/18", "last month", ""}) {
      assertThatThrownBy(() -> IndicatorPeriod.parse(text))
          .as(text)
          .isInstanceOf(InvalidInputException.class);
    }
  }
}
