package org.ccrhub.indicators;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Function;
import org.ccrhub.plans.FinancialYear;
import org.ccrhub.plans.ReportingPeriod;
import org.jspecify.annotations.Nullable;

/**
 * How complete a partnership's indicator data is, so that the analyst knows whom to chase: for each
 * indicator its latest value, the period expected next and whether that is late.
 *
 * <p>The period expected next is the one after the latest value, by the indicator's frequency: the
 * month after the latest value ends, or the quarter or financial year that month falls in. Sources
 * send figures some weeks after a period ends, so a period is late only once it ended more than a
 * month ago: a value for October is due by 30 November and late from 1 December.
 *
 * @param lines one for each indicator, in the order given
 */
public record DataCompleteness(List<Line> lines) {

  /** Whether an indicator's next value is in time. */
  public enum Status {
    /** The next value is not due yet. */
    UP_TO_DATE("Up to date"),
    /** The period expected next ended more than a month ago. */
    LATE("Late"),
    /** Nothing has been recorded yet, so nothing is expected. */
    NO_VALUES("No values yet");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * One indicator.
   *
   * @param latest its latest value (the one whose period ends last), or null when it has none
   * @param latestFigure the figure of that value, or null when it has none
   * @param expected the period expected next, or null when it has no values
   * @param dueBy the last day before the expected value is late, or null when it has no values
   */
  public record Line(
      Indicator indicator,
      @Nullable Observation latest,
      @Nullable Total latestFigure,
      @Nullable IndicatorPeriod expected,
      @Nullable LocalDate dueBy,
      Status status) {

    public boolean late() {
      return status == Status.LATE;
    }
  }

  public DataCompleteness {
    lines = List.copyOf(lines);
  }

  /** The completeness of the indicators' own values (the partnership's, not a comparator's). */
  public static DataCompleteness of(
      List<Indicator> indicators, Function<Indicator, Series> values, LocalDate today) {
    return new DataCompleteness(
        indicators.stream().map(i -> line(i, values.apply(i), today)).toList());
  }

  static Line line(Indicator indicator, Series values, LocalDate today) {
    Observation latest = values.lastMonth().flatMap(values::latestUpTo).orElse(null);
    if (latest == null) {
      return new Line(indicator, null, null, null, null, Status.NO_VALUES);
    }
    IndicatorPeriod expected = next(indicator.frequency(), latest.period().last());
    LocalDate dueBy = expected.lastDay().plusMonths(1);
    dueBy = dueBy.withDayOfMonth(dueBy.lengthOfMonth());
    return new Line(
        indicator,
        latest,
        values.figure(latest),
        expected,
        dueBy,
        today.isAfter(dueBy) ? Status.LATE : Status.UP_TO_DATE);
  }

  /** The period of the frequency that starts after the month: the one containing the next month. */
  static IndicatorPeriod next(Frequency frequency, YearMonth last) {
    YearMonth after = last.plusMonths(1);
    return switch (frequency) {
      case MONTHLY -> IndicatorPeriod.month(after);
      case QUARTERLY -> IndicatorPeriod.of(ReportingPeriod.containing(after.atDay(1)));
      case YEARLY -> IndicatorPeriod.of(FinancialYear.containing(after.atDay(1)));
    };
  }

  /** How many indicators are late. */
  public long late() {
    return lines.stream().filter(Line::late).count();
  }
}
