package org.ccrhub.indicators;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccrhub.plans.FinancialYear;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.shared.InvalidInputException;

/**
 * The period a value is for: a month ({@code 2016-10}), a financial-year quarter ({@code 2016/17
 * Q2}) or a financial year ({@code 2016/17}). Each is a run of whole months.
 */
public record IndicatorPeriod(YearMonth first, int months) implements Comparable<IndicatorPeriod> {

  private static final Pattern ISO_MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})(?:-01)?");
  private static final Pattern SLASH_MONTH = Pattern.compile("(\\d{1,2})/(\\d{4})");
  private static final Pattern FIRST_OF_MONTH = Pattern.compile("0?1/(\\d{1,2})/(\\d{4})");
  private static final List<DateTimeFormatter> NAMED_MONTHS =
      List.of(
          DateTimeFormatter.ofPattern("MMM uuuu", Locale.UK),
          DateTimeFormatter.ofPattern("MMMM uuuu", Locale.UK),
          DateTimeFormatter.ofPattern("MMM-uu", Locale.UK),
          DateTimeFormatter.ofPattern("MMM uu", Locale.UK));
  private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MMM uuuu", Locale.UK);

  /** Values are for years from here to {@link #LATEST_YEAR}: a year outside is a typing error. */
  public static final int EARLIEST_YEAR = 1990;

  public static final int LATEST_YEAR = 2100;

  public IndicatorPeriod {
    Objects.requireNonNull(first, "first");
    boolean valid =
        months == 1
            || (months == 3 && (first.getMonthValue() - 1) % 3 == 0)
            || (months == 12 && first.getMonthValue() == 4);
    if (!valid) {
      throw new IllegalArgumentException("Not a month, quarter or financial year: " + first);
    }
  }

  public static IndicatorPeriod month(YearMonth month) {
    return new IndicatorPeriod(month, 1);
  }

  public static IndicatorPeriod of(ReportingPeriod quarter) {
    return new IndicatorPeriod(YearMonth.from(quarter.firstDay()), 3);
  }

  public static IndicatorPeriod of(FinancialYear year) {
    return new IndicatorPeriod(YearMonth.from(year.firstDay()), 12);
  }

  /**
   * Reads a month ({@code 2016-10}, {@code Oct 2016}, {@code October 2016}, {@code Oct-16}, {@code
   * 10/2016}, or the first of the month as a spreadsheet writes a date, {@code 2016-10-01} or
   * {@code 01/10/2016}), a quarter ({@code 2016/17 Q2}) or a financial year ({@code 2016/17}).
   */
  public static IndicatorPeriod parse(String text) {
    IndicatorPeriod period = read(text);
    int year = period.first().getYear();
    if (year < EARLIEST_YEAR || year > LATEST_YEAR) {
      throw new InvalidInputException(
          "'"
              + text.strip()
              + "' is not a period values can be for: the year must be from "
              + EARLIEST_YEAR
              + " to "
              + LATEST_YEAR);
    }
    return period;
  }

  private static IndicatorPeriod read(String text) {
    String written = text.strip().replaceAll("\\s+", " ");
    if (written.isEmpty()) {
      throw new InvalidInputException("The period is missing: write a month like 2016-10");
    }
    if (written.toUpperCase(Locale.ROOT).contains("Q")) {
      return of(ReportingPeriod.parse(written));
    }
    Matcher m = ISO_MONTH.matcher(written);
    if (m.matches() && Integer.parseInt(m.group(2)) <= 12) {
      return month(yearMonth(written, m.group(1), m.group(2)));
    }
    m = SLASH_MONTH.matcher(written);
    if (m.matches()) {
      return month(yearMonth(written, m.group(2), m.group(1)));
    }
    m = FIRST_OF_MONTH.matcher(written);
    if (m.matches()) {
      return month(yearMonth(written, m.group(2), m.group(1)));
    }
    for (DateTimeFormatter format : NAMED_MONTHS) {
      try {
        return month(YearMonth.parse(capitalised(written), format));
      } catch (DateTimeParseException e) {
        // try the next way of writing a month
      }
    }
    try {
      return of(FinancialYear.parse(written));
    } catch (InvalidInputException e) {
      throw new InvalidInputException(
          "'"
              + written
              + "' is not a period: write a month like 2016-10, a quarter like 2016/17 Q2 or a"
              + " year like 2016/17");
    }
  }

  private static YearMonth yearMonth(String written, String year, String month) {
    int m = Integer.parseInt(month);
    if (m < 1 || m > 12) {
      throw new InvalidInputException("'" + written + "' is not a period: there is no month " + m);
    }
    return YearMonth.of(Integer.parseInt(year), m);
  }

  private static String capitalised(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  public boolean isMonth() {
    return months == 1;
  }

  public YearMonth last() {
    return first.plusMonths(months - 1L);
  }

  public LocalDate lastDay() {
    return last().atEndOfMonth();
  }

  /** Whether the period lies within the months from {@code from} to {@code to}, inclusive. */
  public boolean within(YearMonth from, YearMonth to) {
    return !first.isBefore(from) && !last().isAfter(to);
  }

  /** How it is labelled on a chart: {@code Oct 2016}, {@code 2016/17 Q2}, {@code 2016/17}. */
  public String label() {
    return months == 1 ? first.format(SHORT) : toString();
  }

  @Override
  public int compareTo(IndicatorPeriod other) {
    int byFirst = first.compareTo(other.first);
    return byFirst != 0 ? byFirst : Integer.compare(months, other.months);
  }

  /** The canonical form: {@code 2016-10}, {@code 2016/17 Q2} or {@code 2016/17}. */
  @Override
  public String toString() {
    return switch (months) {
      case 1 -> first.toString();
      case 3 -> ReportingPeriod.containing(first.atDay(1)).toString();
      default -> FinancialYear.containing(first.atDay(1)).toString();
    };
  }
}
