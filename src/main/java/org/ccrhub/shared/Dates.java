package org.ccrhub.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * How CCR Hub writes dates and times for people, in one style everywhere (the GOV.UK style): "2
 * December 2026" for a date, "2 December 2026 at 4:21pm" for a time, "4pm" on the hour, "midday"
 * and "midnight", "November 2026" for a month, always in UK time (Europe/London). Java code calls
 * the static methods; templates reach the same ones as {@code ${@dates.date(x)}}, {@code
 * ${@dates.time(x)}} and {@code ${@dates.month(x)}}. Each takes a {@link LocalDate}, an {@link
 * Instant}, an offset or zoned date and time, a {@link LocalDateTime} (taken as UK time), or an
 * {@link Optional} of one; nothing (null or empty) is written as "".
 */
@Component("dates")
public final class Dates {

  /** The time zone of every date and time people see. */
  public static final ZoneId UK = ZoneId.of("Europe/London");

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM uuuu", Locale.UK);

  /**
   * Today in the UK. Every "today" and "this month" comes from here: the application's clock is in
   * UTC, whose date is yesterday's between midnight and 1am in British Summer Time.
   */
  public static LocalDate today(Clock clock) {
    return LocalDate.ofInstant(clock.instant(), UK);
  }

  /** This month in the UK (see {@link #today(Clock)}). */
  public static YearMonth thisMonth(Clock clock) {
    return YearMonth.from(today(clock));
  }

  /** "2 December 2026". */
  public static String date(@Nullable Object when) {
    return unwrap(when).map(w -> DATE.format(dateOf(w))).orElse("");
  }

  /** "2 December 2026 at 4:21pm", in UK time; a date alone is written as a date. */
  public static String time(@Nullable Object when) {
    return unwrap(when)
        .map(
            w ->
                w instanceof LocalDate day
                    ? DATE.format(day)
                    : DATE.format(ukTime(w)) + " at " + clock(ukTime(w).toLocalTime()))
        .orElse("");
  }

  /** "November 2026". */
  public static String month(@Nullable Object when) {
    return unwrap(when)
        .map(w -> w instanceof YearMonth m ? MONTH.format(m.atDay(1)) : MONTH.format(dateOf(w)))
        .orElse("");
  }

  /** The time of day: "4:21pm", "4pm", "midday", "midnight". */
  public static String clock(LocalTime time) {
    if (time.getHour() == 0 && time.getMinute() == 0) {
      return "midnight";
    }
    if (time.getHour() == 12 && time.getMinute() == 0) {
      return "midday";
    }
    int hour = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
    String minutes =
        time.getMinute() == 0 ? "" : String.format(Locale.ROOT, ":%02d", time.getMinute());
    return hour + minutes + (time.getHour() < 12 ? "am" : "pm");
  }

  /** The day a date or a moment falls on in the UK. */
  public static LocalDate dateOf(Object when) {
    return when instanceof LocalDate day ? day : ukTime(when).toLocalDate();
  }

  private static LocalDateTime ukTime(Object when) {
    if (when instanceof Instant instant) {
      return LocalDateTime.ofInstant(instant, UK);
    } else if (when instanceof OffsetDateTime offset) {
      return LocalDateTime.ofInstant(offset.toInstant(), UK);
    } else if (when instanceof ZonedDateTime zoned) {
      return LocalDateTime.ofInstant(zoned.toInstant(), UK);
    } else if (when instanceof LocalDateTime local) {
      return local;
    } else if (when instanceof LocalDate day) {
      return day.atStartOfDay();
    } else if (when instanceof TemporalAccessor other) {
      return LocalDateTime.ofInstant(Instant.from(other), UK);
    }
    throw new IllegalArgumentException("Not a date or time: " + when.getClass().getSimpleName());
  }

  private static Optional<Object> unwrap(@Nullable Object when) {
    if (when instanceof Optional<?> optional) {
      return optional.map(o -> o);
    }
    return Optional.ofNullable(when);
  }
}
