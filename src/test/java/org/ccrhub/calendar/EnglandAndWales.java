package org.ccrhub.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * The bank holidays of England and Wales for a few years, as GOV.UK lists them, for tests that need
 * a real calendar.
 */
public final class EnglandAndWales {

  public static final List<LocalDate> BANK_HOLIDAYS =
      List.of(
          LocalDate.of(2016, 1, 1),
          LocalDate.of(2016, 3, 25),
          LocalDate.of(2016, 3, 28),
          LocalDate.of(2016, 5, 2),
          LocalDate.of(2016, 5, 30),
          LocalDate.of(2016, 8, 29),
          LocalDate.of(2016, 12, 26),
          LocalDate.of(2016, 12, 27), // Christmas Day was a Sunday
          LocalDate.of(2017, 1, 2), // New Year's Day was a Sunday
          LocalDate.of(2017, 4, 14),
          LocalDate.of(2017, 4, 17),
          LocalDate.of(2017, 5, 1),
          LocalDate.of(2017, 5, 29),
          LocalDate.of(2017, 8, 28),
          LocalDate.of(2017, 12, 25),
          LocalDate.of(2017, 12, 26),
          LocalDate.of(2026, 1, 1),
          LocalDate.of(2026, 4, 3),
          LocalDate.of(2026, 4, 6),
          LocalDate.of(2026, 5, 4),
          LocalDate.of(2026, 5, 25),
          LocalDate.of(2026, 8, 31),
          LocalDate.of(2026, 12, 25),
          LocalDate.of(2026, 12, 28), // Boxing Day is a Saturday
          LocalDate.of(2027, 1, 1),
          LocalDate.of(2027, 3, 26),
          LocalDate.of(2027, 3, 29),
          LocalDate.of(2027, 5, 3),
          LocalDate.of(2027, 5, 31),
          LocalDate.of(2027, 8, 30),
          LocalDate.of(2027, 12, 27), // Christmas Day is a Saturday
          LocalDate.of(2027, 12, 28));

  private EnglandAndWales() {}

  /** A calendar that knows the bank holidays above. */
  public static WorkingCalendar calendar() {
    return new WorkingCalendar(BANK_HOLIDAYS);
  }
}
