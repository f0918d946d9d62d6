package org.ccrhub.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.ccrhub.CcrHubTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The bank holidays shipped in V0026, and how {@link BankHolidays} counts with them. */
@CcrHubTest
class BankHolidaysIntegrationTests {

  @Autowired BankHolidays bankHolidays;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void forget2031() {
    jdbc.sql("delete from bank_holiday where day between '2031-01-01' and '2031-12-31'").update();
    jdbc.sql("delete from bank_holiday_year where year = 2031").update();
  }

  @Test
  void shipsTheBankHolidaysOf2010To2027AsTheRulesGiveThem() {
    List<BankHoliday> expected = new ArrayList<>();
    IntStream.rangeClosed(2010, 2027)
        .forEach(year -> expected.addAll(BankHolidayRules.inYear(year)));

    List<BankHoliday> shipped =
        jdbc.sql(
                "select day, title from bank_holiday"
                    + " where day between '2010-01-01' and '2027-12-31' order by day")
            .query((rs, row) -> new BankHoliday(rs.getObject(1, LocalDate.class), rs.getString(2)))
            .list();

    assertThat(shipped).hasSize(149).containsExactlyElementsOf(expected);
    assertThat(
            jdbc.sql(
                    "select year from bank_holiday_year"
                        + " where source = 'GOV.UK bank-holidays.json (shipped)' order by year")
                .query(Integer.class)
                .list())
        .containsExactlyElementsOf(IntStream.rangeClosed(2010, 2027).boxed().toList());
  }

  @Test
  void countsTheLoadedDaysAndForOtherYearsTheRules() {
    assertThat(bankHolidays.yearsCovered())
        .containsAll(IntStream.rangeClosed(2010, 2027).boxed().toList())
        .doesNotContain(2009, 2031);
    assertThat(bankHolidays.inYear(2022))
        .contains(
            new BankHoliday(
                LocalDate.of(2022, 9, 19),
                "Bank Holiday for the State Funeral of Queen Elizabeth II"));
    assertThat(bankHolidays.inYear(2031)).isEqualTo(BankHolidayRules.inYear(2031));

    WorkingCalendar calendar = bankHolidays.calendar();
    assertThat(calendar.isBankHoliday(LocalDate.of(2022, 9, 19))).isTrue();
    assertThat(calendar.isBankHoliday(LocalDate.of(2031, 4, 11))).isTrue(); // Good Friday 2031
    assertThat(calendar.isBankHoliday(LocalDate.of(1995, 5, 8))).isTrue(); // VE day, moved
    assertThat(calendar.after(LocalDate.of(2016, 12, 23), 1)).isEqualTo("2016-12-28");
  }

  @Test
  void seesAYearLoadedByAnotherProcessAtOnce() {
    assertThat(bankHolidays.calendar().isBankHoliday(LocalDate.of(2031, 5, 5))).isTrue();

    // as bank-holidays import does, from a process of its own
    jdbc.sql("insert into bank_holiday_year (year, source) values (2031, 'test.csv')").update();
    jdbc.sql(
            "insert into bank_holiday (day, title) values ('2031-05-09', 'Early May bank holiday')")
        .update();

    assertThat(bankHolidays.yearsCovered()).contains(2031);
    assertThat(bankHolidays.inYear(2031))
        .containsExactly(new BankHoliday(LocalDate.of(2031, 5, 9), "Early May bank holiday"));
    assertThat(bankHolidays.calendar().isBankHoliday(LocalDate.of(2031, 5, 5))).isFalse();
    assertThat(bankHolidays.calendar().isBankHoliday(LocalDate.of(2031, 5, 9))).isTrue();
  }

  @Test
  void saysAtStartWhenThisYearsOrNextYearsBankHolidaysAreNotLoaded() {
    assertThat(bankHolidays.notLoaded(LocalDate.of(2026, 12, 3))).isEmpty();
    assertThat(bankHolidays.notLoaded(LocalDate.of(2027, 6, 1)))
        .hasValueSatisfying(
            warning ->
                assertThat(warning)
                    .startsWith("Bank holidays for 2028 are not loaded: run bank-holidays import"));
    assertThat(bankHolidays.notLoaded(LocalDate.of(2029, 1, 2)))
        .hasValueSatisfying(
            warning -> assertThat(warning).startsWith("Bank holidays for 2029 and 2030 are not"));
  }
}
