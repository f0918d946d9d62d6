package org.ccrhub.calendar;

import static java.time.temporal.TemporalAdjusters.firstInMonth;
import static java.time.temporal.TemporalAdjusters.lastInMonth;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The bank holidays of England and Wales computed from their rules: New Year's Day, Good Friday,
 * Easter Monday, the first and last Mondays of May, the last Monday of August, Christmas Day and
 * Boxing Day, with a substitute weekday for a holiday that falls on a weekend; and the one-off
 * changes proclaimed since 1995 (a moved early May holiday, jubilees, a royal wedding, a state
 * funeral, a coronation). Titles are GOV.UK's.
 *
 * <p>The bank holidays themselves are data ({@link BankHolidays}), because a holiday can be moved
 * or added by proclamation at a few months' notice. The rules are the fallback for a year with no
 * data, and the check of the data shipped with CCR Hub.
 */
public final class BankHolidayRules {

  static final String SUBSTITUTE = " (substitute day)";

  private static final Map<LocalDate, String> ADDED =
      Map.of(
          LocalDate.of(1999, 12, 31), "Millennium bank holiday",
          LocalDate.of(2002, 6, 3), "Queen’s Golden Jubilee",
          LocalDate.of(2011, 4, 29), "Royal wedding",
          LocalDate.of(2012, 6, 5), "Queen’s Diamond Jubilee",
          LocalDate.of(2022, 6, 3), "Platinum Jubilee bank holiday",
          LocalDate.of(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II",
          LocalDate.of(2023, 5, 8), "Bank holiday for the coronation of King Charles III");

  private BankHolidayRules() {}

  /** The days of the bank holidays in a calendar year, in order. */
  public static Set<LocalDate> bankHolidays(int year) {
    Set<LocalDate> days = new TreeSet<>();
    inYear(year).forEach(holiday -> days.add(holiday.day()));
    return days;
  }

  /** The bank holidays of a calendar year with their titles, in order of their days. */
  public static List<BankHoliday> inYear(int year) {
    List<BankHoliday> holidays = new ArrayList<>();
    LocalDate newYear = LocalDate.of(year, 1, 1);
    holidays.add(onWeekday(newYear, "New Year’s Day"));
    LocalDate easter = easterSunday(year);
    holidays.add(new BankHoliday(easter.minusDays(2), "Good Friday"));
    holidays.add(new BankHoliday(easter.plusDays(1), "Easter Monday"));
    holidays.add(earlyMay(year));
    holidays.add(new BankHoliday(spring(year), "Spring bank holiday"));
    holidays.add(
        new BankHoliday(
            LocalDate.of(year, Month.AUGUST, 1).with(lastInMonth(DayOfWeek.MONDAY)),
            "Summer bank holiday"));
    holidays.addAll(christmas(year));
    ADDED.forEach(
        (day, title) -> {
          if (day.getYear() == year) {
            holidays.add(new BankHoliday(day, title));
          }
        });
    holidays.sort(Comparator.comparing(BankHoliday::day));
    return holidays;
  }

  private static BankHoliday onWeekday(LocalDate day, String title) {
    return switch (day.getDayOfWeek()) {
      case SATURDAY -> new BankHoliday(day.plusDays(2), title + SUBSTITUTE);
      case SUNDAY -> new BankHoliday(day.plusDays(1), title + SUBSTITUTE);
      default -> new BankHoliday(day, title);
    };
  }

  private static BankHoliday earlyMay(int year) {
    if (year == 1995 || year == 2020) { // moved to the Friday of the anniversaries of VE day
      return new BankHoliday(LocalDate.of(year, 5, 8), "Early May bank holiday (VE day)");
    }
    return new BankHoliday(
        LocalDate.of(year, Month.MAY, 1).with(firstInMonth(DayOfWeek.MONDAY)),
        "Early May bank holiday");
  }

  private static LocalDate spring(int year) {
    return switch (year) {
      case 2002, 2012 -> LocalDate.of(year, 6, 4); // moved for the golden and diamond jubilees
      case 2022 -> LocalDate.of(year, 6, 2); // moved for the platinum jubilee
      default -> LocalDate.of(year, Month.MAY, 1).with(lastInMonth(DayOfWeek.MONDAY));
    };
  }

  /**
   * Christmas Day and Boxing Day, or the next weekdays for those on a weekend: when Christmas Day
   * is a Sunday, Boxing Day keeps its Monday and Christmas Day's substitute is the Tuesday.
   */
  private static List<BankHoliday> christmas(int year) {
    LocalDate christmas = LocalDate.of(year, 12, 25);
    String christmasDay = "Christmas Day";
    String boxingDay = "Boxing Day";
    return switch (christmas.getDayOfWeek()) {
      case FRIDAY ->
          List.of(
              new BankHoliday(christmas, christmasDay),
              new BankHoliday(christmas.plusDays(3), boxingDay + SUBSTITUTE));
      case SATURDAY ->
          List.of(
              new BankHoliday(christmas.plusDays(2), christmasDay + SUBSTITUTE),
              new BankHoliday(christmas.plusDays(3), boxingDay + SUBSTITUTE));
      case SUNDAY ->
          List.of(
              new BankHoliday(christmas.plusDays(1), boxingDay),
              new BankHoliday(christmas.plusDays(2), christmasDay + SUBSTITUTE));
      default ->
          List.of(
              new BankHoliday(christmas, christmasDay),
              new BankHoliday(christmas.plusDays(1), boxingDay));
    };
  }

  /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm). */
  public static LocalDate easterSunday(int year) {
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
