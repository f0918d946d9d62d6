package org.ccrhub.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.ccrhub.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class FinancialYearTests {

  private final FinancialYear year = new FinancialYear(2016);

  @Test
  void readsTheWaysPlansWriteAYear() {
    for (String text :
        new String[] {
          "2016/17", "2016/2017", "2016-17", "2016-2017", " 2016 / 17 ", "2016 - 2017"
        }) {
      assertThat(FinancialYear.parse(text)).as(text).isEqualTo(year);
    }
  }

  @Test
  void readsAYearThatCrossesACentury() {
    assertThat(FinancialYear.parse("1999/00")).isEqualTo(new FinancialYear(1999));
    assertThat(new FinancialYear(1999)).hasToString("1999/00");
  }

  @Test
  void refusesAYearWhoseSecondPartIsNotTheNextYearNamingTheBadValue() {
    for (String bad : new String[] {"2016/18", "2016/2016", "2016-2018", "2016/16"}) {
      assertThatThrownBy(() -> FinancialYear.parse(bad))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("'" + bad + "'")
          .hasMessageContaining("follow");
    }
  }

  @Test
  void refusesTextThatIsNotAYearNamingTheBadValue() {
    for (String bad : new String[] {"2016", "16/17", "Q2 2016/17", "", "twenty sixteen"}) {
      assertThatThrownBy(() -> FinancialYear.parse(bad))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("'" + bad + "'");
    }
  }

  @Test
  void refusesAnImplausibleStartYear() {
    assertThatThrownBy(() -> new FinancialYear(16))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'16'");
  }

  @Test
  void writesItselfTheWayPlansDo() {
    assertThat(year).hasToString("2016/17");
    assertThat(new FinancialYear(2009)).hasToString("2009/10");
  }

  @Test
  void runsFromTheFirstOfAprilToTheLastDayOfMarchNextYear() {
    assertThat(year.firstDay()).isEqualTo(LocalDate.of(2016, 4, 1));
    assertThat(year.lastDay()).isEqualTo(LocalDate.of(2017, 3, 31));
  }

  @Test
  void containsDatesFromAprilToTheFollowingMarch() {
    assertThat(FinancialYear.containing(LocalDate.of(2016, 4, 1))).isEqualTo(year);
    assertThat(FinancialYear.containing(LocalDate.of(2016, 12, 31))).isEqualTo(year);
    assertThat(FinancialYear.containing(LocalDate.of(2017, 1, 1))).isEqualTo(year);
    assertThat(FinancialYear.containing(LocalDate.of(2017, 3, 31))).isEqualTo(year);
    assertThat(FinancialYear.containing(LocalDate.of(2016, 3, 31)))
        .isEqualTo(new FinancialYear(2015));
    assertThat(FinancialYear.containing(LocalDate.of(2017, 4, 1)))
        .isEqualTo(new FinancialYear(2017));
  }

  @Test
  void givesItsQuarters() {
    assertThat(year.quarter(2)).isEqualTo(new ReportingPeriod(year, 2));
    assertThat(year.quarter(4).lastDay()).isEqualTo(LocalDate.of(2017, 3, 31));
    assertThatThrownBy(() -> year.quarter(5)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void stepsToTheNextAndPreviousYear() {
    assertThat(year.next()).hasToString("2017/18");
    assertThat(year.previous()).hasToString("2015/16");
  }

  @Test
  void ordersYearsByTheirStart() {
    assertThat(year).isLessThan(year.next()).isGreaterThan(year.previous());
  }
}
