package org.ccrhub.plans;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccrhub.shared.InvalidInputException;

/**
 * A quarter of a financial year, the period for which leads report progress on a delivery plan.
 * Quarters follow the financial year: Q1 is April to June, Q2 July to September, Q3 October to
 * December and Q4 January to March of the following calendar year. Written {@code 2016/17 Q2}.
 */
public record ReportingPeriod(FinancialYear year, int quarter)
    implements Comparable<ReportingPeriod> {

  private static final String YEAR = "\\d{4}\\s*[/-]\\s*\\d{2,4}";
  private static final Pattern TEXT =
      Pattern.compile(
          "(?:(" + YEAR + ")\\s+Q([1-4])|Q([1-4])\\s+(" + YEAR + "))", Pattern.CASE_INSENSITIVE);
  private static final Comparator<ReportingPeriod> ORDER =
      Comparator.comparing(ReportingPeriod::year).thenComparingInt(ReportingPeriod::quarter);

  public ReportingPeriod {
    Objects.requireNonNull(year, "year");
    if (quarter < 1 || quarter > 4) {
      throw new InvalidInputException("'" + quarter + "' is not a quarter: use 1, 2, 3 or 4");
    }
  }

  /**
   * Reads a period written {@code 2016/17 Q2}, {@code Q2 2016/17}, {@code 2016/2017 Q2} or {@code
   * Q2 2016/2017}, in any case.
   */
  public static ReportingPeriod parse(String text) {
    Matcher m = TEXT.matcher(text.strip());
    if (!m.matches()) {
      throw new InvalidInputException(
          "'" + text.strip() + "' is not a reporting period: write it like 2016/17 Q2");
    }
    String year = m.group(1) != null ? m.group(1) : m.group(4);
    String quarter = m.group(2) != null ? m.group(2) : m.group(3);
    return new ReportingPeriod(FinancialYear.parse(year), Integer.parseInt(quarter));
  }

  /** The quarter that the date falls in. */
  public static ReportingPeriod containing(LocalDate date) {
    int monthsIntoYear = (date.getMonthValue() + 8) % 12;
    return new ReportingPeriod(FinancialYear.containing(date), monthsIntoYear / 3 + 1);
  }

  public LocalDate firstDay() {
    return year.firstDay().plusMonths(3L * (quarter - 1));
  }

  public LocalDate lastDay() {
    return firstDay().plusMonths(3).minusDays(1);
  }

  /** The quarter before; Q1 is preceded by Q4 of the previous year. */
  public ReportingPeriod previous() {
    return quarter == 1
        ? new ReportingPeriod(year.previous(), 4)
        : new ReportingPeriod(year, quarter - 1);
  }

  /** The quarter after; Q4 is followed by Q1 of the next year. */
  public ReportingPeriod next() {
    return quarter == 4
        ? new ReportingPeriod(year.next(), 1)
        : new ReportingPeriod(year, quarter + 1);
  }

  @Override
  public int compareTo(ReportingPeriod other) {
    return ORDER.compare(this, other);
  }

  /** The period as {@code 2016/17 Q2}. */
  @Override
  public String toString() {
    return year + " Q" + quarter;
  }
}
