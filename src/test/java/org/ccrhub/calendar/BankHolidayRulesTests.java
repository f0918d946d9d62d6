package org.ccrhub.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BankHolidayRulesTests {

  @Test
  void knowsTheBankHolidaysOfEnglandAndWalesWithTheirSubstituteDays() {
    assertThat(BankHolidayRules.bankHolidays(2017))
        .containsExactly(
            LocalDate.of(2017, 1, 2), // New Year's Day was a Sunday
            LocalDate.of(2017, 4, 14),
            LocalDate.of(2017, 4, 17),
            LocalDate.of(2017, 5, 1),
            LocalDate.of(2017, 5, 29),
            LocalDate.of(2017, 8, 28),
            LocalDate.of(2017, 12, 25),
            LocalDate.of(2017, 12, 26));
    assertThat(BankHolidayRules.bankHolidays(2022))
        .containsExactly(
            LocalDate.of(2022, 1, 3),
            LocalDate.of(2022, 4, 15),
            LocalDate.of(2022, 4, 18),
            LocalDate.of(2022, 5, 2),
            LocalDate.of(2022, 6, 2),
            LocalDate.of(2022, 6, 3),
            LocalDate.of(2022, 8, 29),
            LocalDate.of(2022, 9, 19),
            LocalDate.of(2022, 12, 26),
            LocalDate.of(2022, 12, 27));
    assertThat(BankHolidayRules.bankHolidays(2020))
        .contains(LocalDate.of(2020, 5, 8), LocalDate.of(2020, 12, 28))
        .doesNotContain(LocalDate.of(2020, 5, 4));
    assertThat(BankHolidayRules.bankHolidays(2026))
        .containsExactly(
            LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 4, 3),
            LocalDate.of(2026, 4, 6),
            LocalDate.of(2026, 5, 4),
            LocalDate.of(2026, 5, 25),
            LocalDate.of(2026, 8, 31),
            LocalDate.of(2026, 12, 25),
            LocalDate.of(2026, 12, 28));
  }

  @Test
  void titlesEachDayAsGovUkDoesWithItsSubstituteDays() {
    assertThat(BankHolidayRules.inYear(2022))
        .containsExactly(
            new BankHoliday(LocalDate.of(2022, 1, 3), "New Year’s Day (substitute day)"),
            new BankHoliday(LocalDate.of(2022, 4, 15), "Good Friday"),
            new BankHoliday(LocalDate.of(2022, 4, 18), "Easter Monday"),
            new BankHoliday(LocalDate.of(2022, 5, 2), "Early May bank holiday"),
            new BankHoliday(LocalDate.of(2022, 6, 2), "Spring bank holiday"),
            new BankHoliday(LocalDate.of(2022, 6, 3), "Platinum Jubilee bank holiday"),
            new BankHoliday(LocalDate.of(2022, 8, 29), "Summer bank holiday"),
            new BankHoliday(
                LocalDate.of(2022, 9, 19),
                "Bank Holiday for the State Funeral of Queen Elizabeth II"),
            // Christmas Day was a Sunday: Boxing Day keeps its Monday
            new BankHoliday(LocalDate.of(2022, 12, 26), "Boxing Day"),
            new BankHoliday(LocalDate.of(2022, 12, 27), "Christmas Day (substitute day)"));
    // Christmas Day on a Saturday
    assertThat(BankHolidayRules.inYear(2021).subList(6, 8))
        .containsExactly(
            new BankHoliday(LocalDate.of(2021, 12, 27), "Christmas Day (substitute day)"),
            new BankHoliday(LocalDate.of(2021, 12, 28), "Boxing Day (substitute day)"));
    // Boxing Day on a Saturday
    assertThat(BankHolidayRules.inYear(2020).subList(3, 8))
        .containsExactly(
            new BankHoliday(LocalDate.of(2020, 5, 8), "Early May bank holiday (VE day)"),
            new BankHoliday(LocalDate.of(2020, 5, 25), "Spring bank holiday"),
            new BankHoliday(LocalDate.of(2020, 8, 31), "Summer bank holiday"),
            new BankHoliday(LocalDate.of(2020, 12, 25), "Christmas Day"),
            new BankHoliday(LocalDate.of(2020, 12, 28), "Boxing Day (substitute day)"));
    assertThat(BankHolidayRules.inYear(2011))
        .contains(new BankHoliday(LocalDate.of(2011, 4, 29), "Royal wedding"));
    assertThat(BankHolidayRules.inYear(2012))
        .contains(new BankHoliday(LocalDate.of(2012, 6, 5), "Queen’s Diamond Jubilee"));
    assertThat(BankHolidayRules.inYear(2023))
        .contains(
            new BankHoliday(
                LocalDate.of(2023, 5, 8), "Bank holiday for the coronation of King Charles III"));
  }

  @Test
  void findsEasterSunday() {
    assertThat(BankHolidayRules.easterSunday(2016)).isEqualTo("2016-03-27");
    assertThat(BankHolidayRules.easterSunday(2019)).isEqualTo("2019-04-21");
    assertThat(BankHolidayRules.easterSunday(2030)).isEqualTo("2030-04-21");
    assertThat(BankHolidayRules.easterSunday(2038)).isEqualTo("2038-04-25"); // the latest
    assertThat(BankHolidayRules.easterSunday(2285)).isEqualTo("2285-03-22"); // the earliest
  }

  @Test
  void putsEveryHolidayOnAWeekdayInItsOwnYear() {
    for (int year = 1990; year <= 2100; year++) {
      List<BankHoliday> holidays = BankHolidayRules.inYear(year);
      assertThat(holidays).as("%d", year).hasSizeBetween(8, 10);
      for (BankHoliday holiday : holidays) {
        assertThat(holiday.day().getYear()).isEqualTo(year);
        assertThat(holiday.day().getDayOfWeek().getValue()).as("%s", holiday).isLessThan(6);
      }
      assertThat(new ArrayList<>(BankHolidayRules.bankHolidays(year))).doesNotHaveDuplicates();
    }
  }

  @Test
  void givesACalendarThatCountsWorkingDaysPastWeekendsAndBankHolidays() {
    List<LocalDate> days = new ArrayList<>(BankHolidayRules.bankHolidays(2016));
    days.addAll(BankHolidayRules.bankHolidays(2017));
    WorkingCalendar calendar = new WorkingCalendar(days);
    // 2016/17 Q3 ends on Saturday 31 December 2016; Monday 2 January 2017 is a bank holiday
    assertThat(calendar.after(LocalDate.of(2016, 12, 31), 1)).isEqualTo("2017-01-03");
    assertThat(calendar.after(LocalDate.of(2016, 12, 31), 10)).isEqualTo("2017-01-16");
    // 2016/17 Q4 ends on Friday 31 March 2017
    assertThat(calendar.after(LocalDate.of(2017, 3, 31), 10)).isEqualTo("2017-04-18");
    assertThat(calendar.isWorkingDay(LocalDate.of(2017, 4, 17))).isFalse();
  }
}
