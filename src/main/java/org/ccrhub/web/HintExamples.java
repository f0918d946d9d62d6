package org.ccrhub.web;

import java.time.Clock;
import java.time.LocalDate;
import org.ccrhub.plans.FinancialYear;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.shared.Dates;
import org.springframework.stereotype.Component;

/**
 * Examples for the hints of forms, taken from today so that they stay current: templates write
 * {@code ${'For example, ' + @examples.quarter()}} rather than a year long past.
 */
@Component("examples")
public class HintExamples {

  private final Clock clock;

  HintExamples(Clock clock) {
    this.clock = clock;
  }

  /** Today in the UK. */
  public LocalDate today() {
    return Dates.today(clock);
  }

  /** This financial year, e.g. "2026/27". */
  public String year() {
    return FinancialYear.containing(today()).toString();
  }

  /** Last financial year, e.g. "2025/26". */
  public String previousYear() {
    return FinancialYear.containing(today()).previous().toString();
  }

  /** Next financial year, e.g. "2027/28". */
  public String nextYear() {
    return FinancialYear.containing(today()).next().toString();
  }

  /** The month this financial year ends, e.g. "March 2027". */
  public String yearEndMonth() {
    return Dates.month(FinancialYear.containing(today()).lastDay());
  }

  /** A day last month, written as a date: "14 November 2026" in December 2026. */
  public String recentDate() {
    return Dates.date(today().minusMonths(1).withDayOfMonth(14));
  }

  /** This quarter, e.g. "2026/27 Q3". */
  public String quarter() {
    return ReportingPeriod.containing(today()).toString();
  }

  /** The last month that has ended, as a month is typed, e.g. "2026-11" in December 2026. */
  public String lastMonth() {
    return today().minusMonths(1).toString().substring(0, 7);
  }

  /** The last month that has ended, the UK way, e.g. "11/2026" in December 2026. */
  public String lastMonthTyped() {
    LocalDate month = today().minusMonths(1);
    return month.getMonthValue() + "/" + month.getYear();
  }

  /** The last month that has ended, in words, e.g. "November 2026" in December 2026. */
  public String lastMonthInWords() {
    return Dates.month(today().minusMonths(1));
  }

  /** The last day of this financial year as a date input takes it, e.g. "31 3 2027". */
  public String typedDate() {
    LocalDate end = FinancialYear.containing(today()).lastDay();
    return end.getDayOfMonth() + " " + end.getMonthValue() + " " + end.getYear();
  }

  /** Ten years from the start of this financial year, as strategies write them: "2026-2036". */
  public String years() {
    int start = FinancialYear.containing(today()).startYear();
    return start + "-" + (start + 10);
  }
}
