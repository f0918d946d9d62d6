package org.ccrhub.marac;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The dates of a series of regular meetings from the first. Weekly meetings are 7 days apart and
 * fortnightly ones 14. Monthly meetings keep the first date's weekday and its place in the month,
 * as MARACs usually meet ("the second Tuesday of every month"): the first date's week of the month
 * (days 1 to 7 are the first, 8 to 14 the second and so on), and a date in days 29 to 31 is "the
 * last" weekday of each month.
 */
public final class MeetingSeries {

  /** The most meetings scheduled at once: a year of weekly meetings. */
  public static final int MOST = 52;

  private MeetingSeries() {}

  public static List<LocalDate> dates(LocalDate first, MeetingFrequency frequency, int count) {
    if (count < 1 || count > MOST) {
      throw new IllegalArgumentException("count " + count);
    }
    List<LocalDate> dates = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      dates.add(
          switch (frequency) {
            case WEEKLY -> first.plusWeeks(i);
            case FORTNIGHTLY -> first.plusWeeks(2L * i);
            case MONTHLY -> sameWeekdayOfMonth(first, first.plusMonths(i));
          });
    }
    return dates;
  }

  /** The first date's weekday in the same week of the month as the first date, in {@code month}. */
  static LocalDate sameWeekdayOfMonth(LocalDate first, LocalDate month) {
    DayOfWeek weekday = first.getDayOfWeek();
    int week = (first.getDayOfMonth() - 1) / 7 + 1;
    if (week == 5) {
      return month.with(TemporalAdjusters.lastInMonth(weekday));
    }
    return month.with(TemporalAdjusters.dayOfWeekInMonth(week, weekday));
  }

  /** "the second Tuesday of each month", for the form's hint and the message. */
  public static String describe(LocalDate first, MeetingFrequency frequency) {
    String weekday =
        first.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.UK);
    return switch (frequency) {
      case WEEKLY -> "every " + weekday;
      case FORTNIGHTLY -> "every other " + weekday;
      case MONTHLY -> {
        int week = (first.getDayOfMonth() - 1) / 7 + 1;
        String place =
            switch (week) {
              case 1 -> "first";
              case 2 -> "second";
              case 3 -> "third";
              case 4 -> "fourth";
              default -> "last";
            };
        yield "the " + place + " " + weekday + " of each month";
      }
    };
  }
}
