package org.ccrhub.indicators;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.ccrhub.plans.FinancialYear;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.UkDates;

/**
 * The period a value is for: a month ({@code 2016-10}), a financial-year quarter ({@code 2016/17
 * Q2}) or a financial year ({@code 2016/17}). Each is a run of whole months.
 */
public record IndicatorPeriod(YearMonth first, int months) implements Comparable<IndicatorPeriod> {

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
   * 10/2016}, or any day of it as a spreadsheet writes a date, UK way round: {@code 2016-10-01},
   * {@code 01/10/2016}, {@code 31/10/2016}; see {@link UkDates#month}), a quarter ({@code 2016/17
   * Q2}) or a financial year ({@code 2016/17}).
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
    Optional<YearMonth> month = UkDates.month(written);
    if (month.isPresent()) {
      return month(month.get());
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
