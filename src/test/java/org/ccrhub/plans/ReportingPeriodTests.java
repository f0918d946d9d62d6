package org.ccrhub.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ccrhub.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class ReportingPeriodTests {

  private final FinancialYear year = new FinancialYear(2016);
  private final ReportingPeriod q2 = new ReportingPeriod(year, 2);

  @Test
  void readsTheWaysPlansWriteAQuarter() {
    for (String text :
        new String[] {
          "2016/17 Q2",
          "Q2 2016/17",
          "2016/2017 Q2",
          "Q2 2016/2017",
          "q2 2016/17",
          "  2016/17   q2 ",
          "2016-17 Q2",
          "Q2 2016 / 2017"
        }) {
      assertThat(ReportingPeriod.parse(text)).as(text).isEqualTo(q2);
    }
  }

  @Test
  void refusesTextThatIsNotAPeriodNamingTheBadValue() {
    for (String bad : new String[] {"Q5 2016/17", "2016/17", "Q2", "2016/17 Q2 Q3", "Quarter 2"}) {
      assertThatThrownBy(() -> ReportingPeriod.parse(bad))
          .as(bad)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("'" + bad + "'");
    }
  }

  @Test
  void refusesAPeriodWhoseYearIsNotAFinancialYear() {
    assertThatThrownBy(() -> ReportingPeriod.parse("Q2 2016/18"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'2016/18'");
  }

  @Test
  void refusesAQuarterOutsideOneToFour() {
    for (int bad : new int[] {0, 5, -1}) {
      assertThatThrownBy(() -> new ReportingPeriod(year, bad))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("'" + bad + "'");
    }
  }

  @Test
  void writesItselfCanonically() {
    assertThat(q2).hasToString("2016/17 Q2");
    assertThat(ReportingPeriod.parse("q4 2009/2010")).hasToString("2009/10 Q4");
  }

  @Test
  void followsTheFinancialYearQuarters() {
    assertThat(year.quarter(1).firstDay()).isEqualTo(LocalDate.of(2016, 4, 1));
    assertThat(year.quarter(1).lastDay()).isEqualTo(LocalDate.of(2016, 6, 30));
    assertThat(year.quarter(2).firstDay()).isEqualTo(LocalDate.of(2016, 7, 1));
    assertThat(year.quarter(2).lastDay()).isEqualTo(LocalDate.of(2016, 9, 30));
    assertThat(year.quarter(3).firstDay()).isEqualTo(LocalDate.of(2016, 10, 1));
    assertThat(year.quarter(3).lastDay()).isEqualTo(LocalDate.of(2016, 12, 31));
  }

  @Test
  void putsTheFourthQuarterInTheFollowingCalendarYear() {
    assertThat(year.quarter(4).firstDay()).isEqualTo(LocalDate.of(2017, 1, 1));
    assertThat(year.quarter(4).lastDay()).isEqualTo(LocalDate.of(2017, 3, 31));
    assertThat(new FinancialYear(2019).quarter(4).lastDay()).isEqualTo(LocalDate.of(2020, 3, 31));
  }

  @Test
  void findsTheQuarterContainingADate() {
    assertThat(ReportingPeriod.containing(LocalDate.of(2016, 4, 1))).hasToString("2016/17 Q1");
    assertThat(ReportingPeriod.containing(LocalDate.of(2016, 6, 30))).hasToString("2016/17 Q1");
    assertThat(ReportingPeriod.containing(LocalDate.of(2016, 7, 1))).hasToString("2016/17 Q2");
    assertThat(ReportingPeriod.containing(LocalDate.of(2016, 9, 30))).hasToString("2016/17 Q2");
    assertThat(ReportingPeriod.containing(LocalDate.of(2016, 10, 1))).hasToString("2016/17 Q3");
    assertThat(ReportingPeriod.containing(LocalDate.of(2016, 12, 31))).hasToString("2016/17 Q3");
    assertThat(ReportingPeriod.containing(LocalDate.of(2017, 1, 1))).hasToString("2016/17 Q4");
    assertThat(ReportingPeriod.containing(LocalDate.of(2017, 3, 31))).hasToString("2016/17 Q4");
    assertThat(ReportingPeriod.containing(LocalDate.of(2017, 4, 1))).hasToString("2017/18 Q1");
  }

  @Test
  void containsEveryDayBetweenItsFirstAndLastDay() {
    ReportingPeriod period = ReportingPeriod.parse("2016/17 Q1");
    for (int i = 0; i < 12 * 4; i++, period = period.next()) {
      assertThat(ReportingPeriod.containing(period.firstDay())).isEqualTo(period);
      assertThat(ReportingPeriod.containing(period.lastDay())).isEqualTo(period);
      assertThat(period.next().firstDay()).isEqualTo(period.lastDay().plusDays(1));
    }
  }

  @Test
  void stepsAcrossTheEndOfTheYear() {
    assertThat(q2.next()).hasToString("2016/17 Q3");
    assertThat(q2.previous()).hasToString("2016/17 Q1");
    assertThat(year.quarter(4).next()).hasToString("2017/18 Q1");
    assertThat(year.quarter(1).previous()).hasToString("2015/16 Q4");
  }

  @Test
  void sortsByYearThenQuarter() {
    List<ReportingPeriod> periods =
        new ArrayList<>(
            List.of(
                ReportingPeriod.parse("2017/18 Q1"),
                ReportingPeriod.parse("2016/17 Q4"),
                ReportingPeriod.parse("2015/16 Q4"),
                ReportingPeriod.parse("2016/17 Q1")));
    Collections.sort(periods);
    assertThat(periods)
        .extracting(ReportingPeriod::toString)
        .containsExactly("2015/16 Q4", "2016/17 Q1", "2016/17 Q4", "2017/18 Q1");
    assertThat(q2.compareTo(ReportingPeriod.parse("Q2 2016/2017"))).isZero();
  }
}
