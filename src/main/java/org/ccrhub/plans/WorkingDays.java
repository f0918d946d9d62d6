package org.ccrhub.plans;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working days in England and Wales: Monday to Friday, except bank holidays. Updates are due by a
 * number of working days after a quarter ends (the tenth by default), as partnerships set their
 * deadlines.
 *
 * <p>The bank holidays are computed from their rules (Easter, the first and last Mondays of May,
 * the last Monday of August, Christmas and New Year with their substitute days), with the one-off
 * changes proclaimed since 1995 (a moved early May holiday, jubilees, a royal wedding, a state
 * funeral, a coronation).
 */
public final class WorkingDays {

  private static final Set<LocalDate> ADDED =
      Set.of(
          LocalDate.of(1999, 12, 31),
          LocalDate.of(2002, 6, 3),
          LocalDate.of(2011, 4, 29),
          LocalDate.of(2012, 6, 5),
          LocalDate.of(2022, 6, 3),
          LocalDate.of(2022, 9, 19),
          LocalDate.of(2023, 5, 8));

  private WorkingDays() {}

  /** The {@code n}th working day after the date (the date itself not counted). */
  public static LocalDate after(LocalDate date, int n) {
    LocalDate day = date;
    for (int counted = 0; counted < n; ) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  public static boolean isWorkingDay(LocalDate day) {
    DayOfWeek weekday = day.getDayOfWeek();
    return weekday != DayOfWeek.SATURDAY
        && weekday != DayOfWeek.SUNDAY
        && !bankHolidays(day.getYear()).contains(day);
  }

  /** The bank holidays of England and Wales in a calendar year. */
  public static Set<LocalDate> bankHolidays(int year) {
    Set<LocalDate> days = new TreeSet<>();
    days.add(weekdayOnOrAfter(LocalDate.of(year, 1, 1)));
    LocalDate easter = easterSunday(year);
    days.add(easter.minusDays(2));
    days.add(easter.plusDays(1));
    days.add(earlyMay(year));
    days.add(spring(year));
    days.add(
        LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
    LocalDate christmas = LocalDate.of(year, 12, 25);
    LocalDate christmasHoliday = weekdayOnOrAfter(christmas);
    days.add(christmasHoliday);
    LocalDate boxing = weekdayOnOrAfter(LocalDate.of(year, 12, 26));
    days.add(boxing.equals(christmasHoliday) ? weekdayOnOrAfter(boxing.plusDays(1)) : boxing);
    ADDED.stream().filter(d -> d.getYear() == year).forEach(days::add);
    return days;
  }

  private static LocalDate earlyMay(int year) {
    if (year == 1995 || year == 2020) {
      return LocalDate.of(year, 5, 8); // moved for the anniversaries of VE day
    }
    return LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
  }

  private static LocalDate spring(int year) {
    return switch (year) {
      case 2002, 2012 -> LocalDate.of(year, 6, 4); // moved for the golden and diamond jubilees
      case 2022 -> LocalDate.of(year, 6, 2); // moved for the platinum jubilee
      default ->
          LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY));
    };
  }

  private static LocalDate weekdayOnOrAfter(LocalDate day) {
    return switch (day.getDayOfWeek()) {
      case SATURDAY -> day.plusDays(2);
      case SUNDAY -> day.plusDays(1);
      default -> day;
    };
  }

  /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm). */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, day);
  }
}
