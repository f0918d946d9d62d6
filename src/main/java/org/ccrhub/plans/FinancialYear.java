package org.ccrhub.plans;

import java.time.LocalDate;
import java.time.Month;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccrhub.shared.InvalidInputException;

/**
 * A UK financial year, which runs from 1 April to 31 March of the next calendar year. Delivery
 * plans are written for one financial year and updated each quarter of it. A year is written {@code
 * 2016/17} and known by the calendar year it starts in.
 */
public record FinancialYear(int startYear) implements Comparable<FinancialYear> {

  private static final int EARLIEST = 1900;
  private static final int LATEST = 2999;
  private static final Pattern TEXT = Pattern.compile("(\\d{4})\\s*[/-]\\s*(\\d{2}|\\d{4})");

  public FinancialYear {
    if (startYear < EARLIEST || startYear > LATEST) {
      throw new InvalidInputException(
          "'" + startYear + "' is not a financial year: the start year must be a four-digit year");
    }
  }

  /**
   * Reads a year written {@code 2016/17}, {@code 2016/2017}, {@code 2016-17} or {@code 2016-2017};
   * the second part must be the year after the first.
   */
  public static FinancialYear parse(String text) {
    Matcher m = TEXT.matcher(text.strip());
    if (!m.matches()) {
      throw new InvalidInputException(
          "'" + text.strip() + "' is not a financial year: write it like 2016/17");
    }
    int start = Integer.parseInt(m.group(1));
    String end = m.group(2);
    int next = start + 1;
    boolean follows =
        end.length() == 2 ? Integer.parseInt(end) == next % 100 : Integer.parseInt(end) == next;
    if (!follows) {
      throw new InvalidInputException(
          "'"
              + text.strip()
              + "' is not a financial year: the second year must follow the first, like 2016/17");
    }
    return new FinancialYear(start);
  }

  /** The financial year that the date falls in: January to March belong to the year before. */
  public static FinancialYear containing(LocalDate date) {
    return new FinancialYear(
        date.getMonthValue() >= Month.APRIL.getValue() ? date.getYear() : date.getYear() - 1);
  }

  /** 1 April of the start year. */
  public LocalDate firstDay() {
    return LocalDate.of(startYear, Month.APRIL, 1);
  }

  /** 31 March of the following calendar year. */
  public LocalDate lastDay() {
    return LocalDate.of(startYear + 1, Month.MARCH, 31);
  }

  /** The given quarter (1 to 4) of this year. */
  public ReportingPeriod quarter(int quarter) {
    return new ReportingPeriod(this, quarter);
  }

  public FinancialYear next() {
    return new FinancialYear(startYear + 1);
  }

  public FinancialYear previous() {
    return new FinancialYear(startYear - 1);
  }

  @Override
  public int compareTo(FinancialYear other) {
    return Integer.compare(startYear, other.startYear);
  }

  /** The year as plans write it, e.g. {@code 2016/17}. */
  @Override
  public String toString() {
    // Not String.format: pages write periods hundreds of times, and formatting was 5% of the plan
    // overview's time.
    int next = (startYear + 1) % 100;
    return startYear + (next < 10 ? "/0" : "/") + next;
  }
}
