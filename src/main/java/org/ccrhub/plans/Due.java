package org.ccrhub.plans;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.TextEnds;
import org.ccrhub.shared.UkDates;
import org.jspecify.annotations.Nullable;

/**
 * When an action in a delivery plan is due, kept exactly as the plan writes it, with the deadline
 * it means when that can be read. Plans write due dates as quarters of the plan's financial year
 * ({@code Q4}, {@code Q1-Q4}, {@code Q3/4}, {@code Q3 & Q4}), quarters of another year ({@code
 * Moved to Q2 2017/2018}), months ({@code March 2017}), dates the UK way ({@code 30/11/2016},
 * {@link UkDates}), or as continuing work ({@code Business as usual}, {@code Throughout}). The
 * deadline is the last day of what the text means, so an action due {@code Q2} is overdue from the
 * first day of Q3, and one due {@code Q3/4} from the first day of the next year. Only whole texts
 * in these forms are read: a date inside other words is never guessed at, and a text that cannot be
 * read is kept as written for the import to report.
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
          "on-going",
          "on going",
          "continuous",
          "continuing",
          "throughout",
          "throughout the year",
          "all year",
          "quarterly",
          "review quarterly",
          "monthly",
          "annually",
          "annual",
          "yearly",
          "every year",
          "each year");

  private static final String YEAR = "\\d{4}\\s*[/-]\\s*\\d{2,4}";

  /** A moved, "by" or "end of" lead-in and an "and then ongoing" tail around a deadline. */
  private static final Pattern FRAME =
      Pattern.compile("(?:moved to )?(?:by )?(?:(?:the )?end of )?(.+?)(?: and then ongoing)?");

  private static final String QUARTER = "(?:q|qtr|quarter) ?";

  /**
   * One quarter or several ({@code Q1-Q4}, {@code Q3/4}, {@code Q3 & Q4}, {@code Q2, Q3 and Q4}),
   * of the plan's year or of a year written before or after them.
   */
  private static final Pattern QUARTERS =
      Pattern.compile(
          "(?:("
              + YEAR
              + ") )?"
              + QUARTER
              + "([1-4])((?: ?(?:-|to|/|&|and|\\+|,) ?(?:"
              + QUARTER
              + ")?[1-4])*)(?: ("
              + YEAR
              + "))?");

  private static final Pattern QUARTER_NUMBER = Pattern.compile("[1-4]");

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
    String t =
        written
            .toLowerCase(Locale.ROOT)
            .replaceAll("[\\u2012\\u2013\\u2014\\u2015\\u2212]", "-")
            .replaceAll("[\\s\\u00a0]+", " ");
    return TextEnds.strip(t, ".", true).strip();
  }

  private static Optional<LocalDate> deadlineOf(String core, FinancialYear planYear) {
    try {
      Matcher m = QUARTERS.matcher(core);
      if (m.matches()) {
        return quarters(m, planYear);
      }
      Optional<LocalDate> day =
          UkDates.day(core).or(() -> UkDates.month(core).map(YearMonth::atEndOfMonth));
      day.ifPresent(FinancialYear::containing); // a year a plan can have, or impossible
      return day;
    } catch (DateTimeException | InvalidInputException impossible) {
      return Optional.empty();
    }
  }

  /** The end of the last quarter named; quarters named backwards ({@code Q4-Q1}) are not read. */
  private static Optional<LocalDate> quarters(Matcher m, FinancialYear planYear) {
    String yearBefore = m.group(1);
    String yearAfter = m.group(4);
    if (yearBefore != null && yearAfter != null) {
      return Optional.empty();
    }
    int last = Integer.parseInt(m.group(2));
    Matcher more = QUARTER_NUMBER.matcher(m.group(3));
    while (more.find()) {
      int next = Integer.parseInt(more.group());
      if (next < last) {
        return Optional.empty();
      }
      last = next;
    }
    String yearText = yearBefore != null ? yearBefore : yearAfter;
    FinancialYear year = yearText == null ? planYear : FinancialYear.parse(yearText);
    return Optional.of(year.quarter(last).lastDay());
  }
}
