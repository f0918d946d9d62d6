package org.ccrhub.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingCalendarTests {

  private final WorkingCalendar calendar = EnglandAndWales.calendar();

  @Test
  void countsMondayToFridayAsWorkingDays() {
    assertThat(calendar.isWorkingDay(LocalDate.of(2016, 5, 23))).isTrue(); // Monday
    assertThat(calendar.isWorkingDay(LocalDate.of(2016, 5, 27))).isTrue(); // Friday
    assertThat(calendar.isWorkingDay(LocalDate.of(2016, 5, 28))).isFalse(); // Saturday
    assertThat(calendar.isWorkingDay(LocalDate.of(2016, 5, 29))).isFalse(); // Sunday
  }

  @Test
  void skipsTheBankHolidaysItIsGivenButNotTheDaysTheyReplace() {
    assertThat(calendar.isWorkingDay(LocalDate.of(2016, 5, 30))).isFalse(); // spring bank holiday
    assertThat(calendar.isBankHoliday(LocalDate.of(2016, 12, 27))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2016, 12, 27))).isFalse(); // for Christmas Day
    assertThat(calendar.isBankHoliday(LocalDate.of(2016, 12, 25))).isFalse(); // a Sunday
    assertThat(calendar.isWorkingDay(LocalDate.of(2016, 12, 28))).isTrue();
  }

  @Test
  void knowsOnlyTheBankHolidaysItWasGiven() {
    WorkingCalendar weekendsOnly = new WorkingCalendar(List.of());

    assertThat(weekendsOnly.isWorkingDay(LocalDate.of(2016, 12, 26))).isTrue();
    assertThat(weekendsOnly.after(LocalDate.of(2016, 12, 23), 1)).isEqualTo("2016-12-26");
  }

  @Test
  void neverCountsTheDayItCountsFrom() {
    assertThat(calendar.after(LocalDate.of(2016, 5, 24), 1)).isEqualTo("2016-05-25");
    assertThat(calendar.after(LocalDate.of(2016, 5, 27), 1)).isEqualTo("2016-05-31");
  }

  @Test
  void countsFromAWeekendDayAsFromTheFridayBefore() {
    assertThat(calendar.after(LocalDate.of(2016, 5, 21), 1)).isEqualTo("2016-05-23");
    assertThat(calendar.after(LocalDate.of(2016, 5, 22), 5)).isEqualTo("2016-05-27");
  }

  @Test
  void skipsBankHolidaysWhenCounting() {
    // the spring bank holiday, Monday 30 May 2016
    assertThat(calendar.after(LocalDate.of(2016, 5, 23), 10)).isEqualTo("2016-06-07");
    // Christmas and New Year: 26 and 27 December 2016 and 2 January 2017
    assertThat(calendar.after(LocalDate.of(2016, 12, 16), 10)).isEqualTo("2017-01-04");
    assertThat(calendar.after(LocalDate.of(2016, 12, 23), 1)).isEqualTo("2016-12-28");
    assertThat(calendar.after(LocalDate.of(2016, 12, 30), 1)).isEqualTo("2017-01-03");
    // Easter 2026: Good Friday 3 April and Easter Monday 6 April
    assertThat(calendar.after(LocalDate.of(2026, 4, 2), 1)).isEqualTo("2026-04-07");
  }

  @Test
  void refusesToCountNoWorkingDays() {
    assertThatThrownBy(() -> calendar.after(LocalDate.of(2016, 5, 23), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
