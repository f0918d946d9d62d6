package org.ccrhub.indicators;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import org.ccrhub.plans.FinancialYear;
import org.ccrhub.shared.RagRating;
import org.ccrhub.shared.RagScheme;
import org.jspecify.annotations.Nullable;

/**
 * How an indicator stands at the end of a month: the 12 months to that month against the 12 months
 * before, against the baseline and against a comparator area over the same months; the financial
 * year to date against the same months a year earlier; and progress against the target trajectory,
 * with the rating it earns.
 *
 * <p>The trajectory runs in a straight line from the baseline (at the end of the baseline period)
 * to the target (at the end of the target period), and stays at the target after that; without a
 * baseline period it is the target throughout. How far the 12-month figure is behind the
 * trajectory, as a percentage of it, gives the rating. With four levels: not behind is Green;
 * within the tolerance Amber/Green; within twice the tolerance Amber/Red; further is Red. With
 * three levels: not behind is Green; within the tolerance Amber; further is Red.
 */
public record Performance(
    Indicator indicator,
    YearMonth month,
    Total current,
    Total previous,
    @Nullable BigDecimal changePct,
    @Nullable Total baseline,
    @Nullable BigDecimal changeVsBaselinePct,
    Total yearToDate,
    Total yearToDateLastYear,
    @Nullable BigDecimal yearToDateChangePct,
    String comparatorArea,
    @Nullable Total comparatorCurrent,
    @Nullable Total comparatorPrevious,
    @Nullable BigDecimal comparatorChangePct,
    @Nullable Ratio target,
    @Nullable Ratio trajectory,
    @Nullable BigDecimal behindTrajectoryPct,
    @Nullable RagRating rating) {

  /**
   * Works out the performance of an indicator at a month: for an indicator reported quarterly or
   * yearly, at the end of its last whole quarter or year by then ({@link #month()} says which).
   *
   * @param own the indicator's values for the partnership
   * @param comparator the values for the comparator area, or null when there is none
   * @param comparatorArea the comparator's name, blank when there is none
   */
  public static Performance of(
      Indicator indicator,
      Series own,
      @Nullable Series comparator,
      String comparatorArea,
      YearMonth asked,
      RagScheme scheme) {
    // a quarterly or yearly indicator is judged at the end of its last whole period
    YearMonth month = indicator.frequency().lastEnd(asked);
    Total current = own.twelveMonthsTo(month);
    Total previous = own.twelveMonthsTo(month.minusMonths(12));
    Total baseline = baseline(indicator, own);
    YearMonth yearStart = YearMonth.from(FinancialYear.containing(month.atDay(1)).firstDay());
    Total yearToDate = own.over(yearStart, month);
    Total yearToDateLastYear = own.over(yearStart.minusMonths(12), month.minusMonths(12));
    Total comparatorCurrent = comparator == null ? null : comparator.twelveMonthsTo(month);
    Total comparatorPrevious =
        comparator == null ? null : comparator.twelveMonthsTo(month.minusMonths(12));
    Ratio target = target(indicator, baseline);
    Ratio trajectory = target == null ? null : trajectory(indicator, baseline, target, month);
    BigDecimal behind = null;
    RagRating rating = null;
    if (trajectory != null && current.isKnown() && indicator.polarity() != Polarity.NEITHER) {
      behind = behind(indicator.polarity(), current.ratio(), trajectory);
      rating = rating(scheme, behind, indicator.tolerancePct());
    }
    return new Performance(
        indicator,
        month,
        current,
        previous,
        change(current, previous),
        baseline,
        baseline == null ? null : change(current, baseline),
        yearToDate,
        yearToDateLastYear,
        change(yearToDate, yearToDateLastYear),
        comparatorArea,
        comparatorCurrent,
        comparatorPrevious,
        comparatorCurrent == null ? null : change(comparatorCurrent, comparatorPrevious),
        target,
        trajectory,
        behind,
        rating);
  }

  /** The change on the previous 12 months, in points for a percentage or a rate. */
  public Change change() {
    return Change.between(indicator.unit(), current, previous);
  }

  /** The change on the baseline. */
  public Change changeOnBaseline() {
    return Change.between(indicator.unit(), current, baseline);
  }

  /** The change of the financial year to date on the same months a year earlier. */
  public Change yearToDateChange() {
    return Change.between(indicator.unit(), yearToDate, yearToDateLastYear);
  }

  /** The comparator's change on its previous 12 months. */
  public Change comparatorChange() {
    return Change.between(indicator.unit(), comparatorCurrent, comparatorPrevious);
  }

  /** The percentage change from before to now, when both are known. */
  static @Nullable BigDecimal change(Total now, @Nullable Total before) {
    return before != null && now.isKnown() && before.isKnown()
        ? now.ratio().changeFrom(before.ratio())
        : null;
  }

  /**
   * The baseline: the value given, or else the figure for the 12 months to the end of the baseline
   * period; null when the indicator has neither.
   */
  static @Nullable Total baseline(Indicator indicator, Series own) {
    if (indicator.baselineValue() != null) {
      BigDecimal value = indicator.baselineValue();
      return Total.of(
          new Ratio(value, BigDecimal.ONE, indicator.unit() == Unit.COUNT ? value : null));
    }
    if (indicator.baselinePeriod() != null) {
      return own.twelveMonthsTo(indicator.baselinePeriod().last());
    }
    return null;
  }

  /**
   * The target value: as given, or the baseline changed by the target percentage, or by the target
   * points (added to the baseline figure).
   */
  static @Nullable Ratio target(Indicator indicator, @Nullable Total baseline) {
    if (indicator.targetValue() != null) {
      return new Ratio(indicator.targetValue(), BigDecimal.ONE, null);
    }
    if (indicator.targetChangePct() != null && baseline != null && baseline.isKnown()) {
      Ratio b = baseline.ratio();
      BigDecimal factor = BigDecimal.valueOf(100).add(indicator.targetChangePct());
      return new Ratio(
          b.top().multiply(factor), b.bottom().multiply(BigDecimal.valueOf(100)), null);
    }
    if (indicator.targetChangePoints() != null && baseline != null && baseline.isKnown()) {
      Ratio b = baseline.ratio();
      return new Ratio(
          b.top().add(indicator.targetChangePoints().multiply(b.bottom())), b.bottom(), null);
    }
    return null;
  }

  /** Where the 12-month figure should be at the month, on the way from baseline to target. */
  static Ratio trajectory(
      Indicator indicator, @Nullable Total baseline, Ratio target, YearMonth month) {
    IndicatorPeriod from = indicator.baselinePeriod();
    IndicatorPeriod to = indicator.targetPeriod();
    if (from == null || to == null || baseline == null || !baseline.isKnown()) {
      return target;
    }
    long span = ChronoUnit.MONTHS.between(from.last(), to.last());
    if (span <= 0) {
      return target;
    }
    long done = Math.max(0, Math.min(span, ChronoUnit.MONTHS.between(from.last(), month)));
    Ratio b = baseline.ratio();
    // (B·(span - done) + T·done) / span, with B = bt/bb and T = tt/tb
    BigDecimal top =
        b.top()
            .multiply(target.bottom())
            .multiply(BigDecimal.valueOf(span - done))
            .add(target.top().multiply(b.bottom()).multiply(BigDecimal.valueOf(done)));
    BigDecimal bottom = b.bottom().multiply(target.bottom()).multiply(BigDecimal.valueOf(span));
    return new Ratio(top, bottom, null);
  }

  /**
   * How far the figure is behind the trajectory, as a percentage of it (one decimal place); zero or
   * less when it is on or ahead of it.
   */
  static BigDecimal behind(Polarity polarity, Ratio actual, Ratio trajectory) {
    BigDecimal gap = actual.changeFrom(trajectory);
    if (gap == null) {
      // the trajectory is zero: on track only when the figure is zero too, or beyond it
      int sign = actual.top().signum() * actual.bottom().signum();
      boolean onTrack = polarity == Polarity.HIGHER_IS_BETTER ? sign >= 0 : sign <= 0;
      return onTrack ? BigDecimal.ZERO.setScale(1) : BigDecimal.valueOf(1000, 1);
    }
    return polarity == Polarity.HIGHER_IS_BETTER ? gap.negate() : gap;
  }

  /** The rating for being so far behind the trajectory, with the tolerance. */
  static RagRating rating(RagScheme scheme, BigDecimal behind, BigDecimal tolerance) {
    if (behind.signum() <= 0) {
      return RagRating.GREEN;
    }
    if (scheme == RagScheme.THREE) {
      return behind.compareTo(tolerance) <= 0 ? RagRating.AMBER : RagRating.RED;
    }
    if (behind.compareTo(tolerance) <= 0) {
      return RagRating.AMBER_GREEN;
    }
    return behind.compareTo(tolerance.multiply(BigDecimal.valueOf(2))) <= 0
        ? RagRating.AMBER_RED
        : RagRating.RED;
  }
}
