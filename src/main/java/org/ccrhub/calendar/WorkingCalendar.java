package org.ccrhub.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

/**
 * Working days in England and Wales: Monday to Friday, except bank holidays. Deadlines given in
 * working days (a request for information is due on the 10th working day after it was made) count
 * from the day after the day they start from, so the starting day never counts, even when it is
 * itself a working day.
 *
 * <p>The calendar is built from the bank holidays it is given (GOV.UK's list, kept as data), so a
 * moved or added holiday changes it without a release. It knows nothing of the years it was not
 * given: a year with no holidays counts only weekends.
 */
public final class WorkingCalendar {

  private final Set<LocalDate> bankHolidays;

  public WorkingCalendar(Collection<LocalDate> bankHolidays) {
    this.bankHolidays = Set.copyOf(bankHolidays);
  }

  /** Whether the day is a bank holiday in England and Wales. */
  public boolean isBankHoliday(LocalDate day) {
    return bankHolidays.contains(day);
  }

  /** Whether the day is a working day: not a Saturday, a Sunday or a bank holiday. */
  public boolean isWorkingDay(LocalDate day) {
    DayOfWeek weekday = day.getDayOfWeek();
    return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !isBankHoliday(day);
  }

  /**
   * The {@code n}th working day after {@code day}, the day itself never counted: one working day
   * after Friday 23 December 2016 is Wednesday 28 December (the bank holidays for Boxing Day and
   * Christmas Day were that Monday and Tuesday).
   *
   * @throws IllegalArgumentException when {@code n} is less than 1
   */
  public LocalDate after(LocalDate day, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("Count at least one working day, not " + n);
    }
    LocalDate next = day;
    for (int counted = 0; counted < n; ) {
      next = next.plusDays(1);
      if (isWorkingDay(next)) {
        counted++;
      }
    }
    return next;
  }
}
