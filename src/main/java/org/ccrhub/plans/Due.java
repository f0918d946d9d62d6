package org.ccrhub.plans;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccrhub.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * When an action in a delivery plan is due, kept exactly as the plan writes it, with the deadline
 * it means when that can be read. Plans write due dates as quarters of the plan's financial year
 * ({@code Q4}, {@code Q1-Q4}), quarters of another year ({@code Moved to Q2 2017/2018}), months
 * ({@code March 2017}), dates, or as continuing work ({@code Business as usual}). The deadline is
 * the last day of what the text means, so an action due {@code Q2} is overdue from the first day of
 * Q3. Only whole texts in these forms are read: a date inside other words is never guessed at, and
 * a text that cannot be read is kept as written for the import to report.
 *
 * @param text the due date as written, trimmed
 * @param deadline the last day the action is due by, present only for {@link Kind#DEADLINE}
 * @param kind what sort of due date the text is
 */
public record Due(String text, Optional<LocalDate> deadline, Kind kind) {

  /** What sort of due date a text is. */
  public enum Kind {
    /** A recognised deadline. */
    DEADLINE,
    /** Recognised continuing work with no deadline, such as {@code Business as usual}. */
    ONGOING,
    /** Text that is not a recognised due date: kept as written, with no deadline. */
    UNRECOGNISED,
    /** No due date given. */
    NONE
  }

  private static final Set<String> ONGOING_TEXTS =
      Set.of(
          "business as usual",
          "bau",
          "ongoing",
          "quarterly",
          "review quarterly",
          "monthly",
          "annually",
          "annual");

  private static final String YEAR = "\\d{4}\\s*[/-]\\s*\\d{2,4}";
  private static final String MONTH =
      "(january|february|march|april|may|june|july|august|september|october|november|december"
          + "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";

  /** A moved, "by" or "end of" lead-in and an "and then ongoing" tail around a deadline. */
  private static final Pattern FRAME =
      Pattern.compile("(?:moved to )?(?:by )?(?:(?:the )?end of )?(.+?)(?: and then ongoing)?");

  private static final Pattern QUARTERS =
      Pattern.compile("(?:(" + YEAR + ") )?q([1-4])(?: ?(?:-|to) ?q?([1-4]))?(?: (" + YEAR + "))?");
  private static final Pattern MONTH_YEAR = Pattern.compile(MONTH + " (\\d{4})");
  private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
  private static final Pattern NUMERIC_DATE =
      Pattern.compile("(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4})");
  private static final Pattern WRITTEN_DATE =
      Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)? " + MONTH + " (\\d{4})");

  public Due {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(kind, "kind");
    if (deadline.isPresent() != (kind == Kind.DEADLINE)) {
      throw new InvalidInputException(
          "'"
              + text
              + "' cannot be "
              + kind
              + " "
              + (deadline.isPresent() ? "with" : "without")
              + " a deadline");
    }
  }

  /** No due date. */
  public static Due none() {
    return new Due("", Optional.empty(), Kind.NONE);
  }

  /**
   * Reads a due date as a plan writes it. Quarters without a year are quarters of {@code planYear}.
   * Case, extra spaces and a trailing full stop do not matter. Text that is not a recognised due
   * date, including impossible dates such as {@code 31/02/2017}, is kept as {@link
   * Kind#UNRECOGNISED} rather than refused.
   */
  public static Due parse(@Nullable String text, FinancialYear planYear) {
    Objects.requireNonNull(planYear, "planYear");
    String written = text == null ? "" : text.strip();
    if (written.isEmpty()) {
      return none();
    }
    String normal = normalise(written);
    if (ONGOING_TEXTS.contains(normal)) {
      return new Due(written, Optional.empty(), Kind.ONGOING);
    }
    Matcher frame = FRAME.matcher(normal);
    Optional<LocalDate> deadline =
        frame.matches() ? deadlineOf(frame.group(1), planYear) : Optional.empty();
    return deadline
        .map(date -> new Due(written, Optional.of(date), Kind.DEADLINE))
        .orElseGet(() -> new Due(written, Optional.empty(), Kind.UNRECOGNISED));
  }

  /** Whether the deadline has passed: it is strictly before {@code asOf}. */
  public boolean isOverdueAt(LocalDate asOf) {
    return deadline.map(date -> date.isBefore(asOf)).orElse(false);
  }

  private static String normalise(String written) {
    return written
        .toLowerCase(Locale.ROOT)
        .replaceAll("[\\u2012\\u2013\\u2014\\u2015\\u2212]", "-")
        .replaceAll("[\\s\\u00a0]+", " ")
        .replaceAll("[\\s.]+$", "")
        .strip();
  }

  private static Optional<LocalDate> deadlineOf(String core, FinancialYear planYear) {
    try {
      Matcher m;
      if ((m = QUARTERS.matcher(core)).matches()) {
        return quarters(m, planYear);
      }
      if ((m = MONTH_YEAR.matcher(core)).matches()) {
        return Optional.of(YearMonth.of(year(m.group(2)), month(m.group(1))).atEndOfMonth());
      }
      if ((m = ISO_DATE.matcher(core)).matches()) {
        return Optional.of(LocalDate.of(year(m.group(1)), number(m.group(2)), number(m.group(3))));
      }
      if ((m = NUMERIC_DATE.matcher(core)).matches()) {
        return Optional.of(LocalDate.of(year(m.group(4)), number(m.group(3)), number(m.group(1))));
      }
      if ((m = WRITTEN_DATE.matcher(core)).matches()) {
        return Optional.of(LocalDate.of(year(m.group(3)), month(m.group(2)), number(m.group(1))));
      }
      return Optional.empty();
    } catch (DateTimeException | InvalidInputException impossible) {
      return Optional.empty();
    }
  }

  private static Optional<LocalDate> quarters(Matcher m, FinancialYear planYear) {
    String yearBefore = m.group(1);
    String yearAfter = m.group(4);
    if (yearBefore != null && yearAfter != null) {
      return Optional.empty();
    }
    int first = number(m.group(2));
    int last = m.group(3) == null ? first : number(m.group(3));
    if (last < first) {
      return Optional.empty();
    }
    String yearText = yearBefore != null ? yearBefore : yearAfter;
    FinancialYear year = yearText == null ? planYear : FinancialYear.parse(yearText);
    return Optional.of(year.quarter(last).lastDay());
  }

  private static int year(String digits) {
    return new FinancialYear(number(digits)).startYear();
  }

  private static int number(String digits) {
    return Integer.parseInt(digits);
  }

  private static Month month(String name) {
    String start = name.substring(0, 3);
    for (Month month : Month.values()) {
      if (month.name().toLowerCase(Locale.ROOT).startsWith(start)) {
        return month;
      }
    }
    throw new DateTimeException("No month " + name);
  }
}
