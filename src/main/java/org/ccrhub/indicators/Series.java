package org.ccrhub.indicators;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The values of one indicator in one area, by period. It works out the figure for any run of whole
 * months: counts and money are summed; percentages and days are the summed numerators over the
 * summed denominators; a rate per 1,000 is the summed numerators over the population at the end of
 * the run. Monthly values are used where there are any, then quarters, then years, so each month is
 * counted once.
 */
public final class Series {

  private static final int[] LENGTHS = {1, 3, 12};

  private final Unit unit;
  private final @Nullable BigDecimal population;
  private final NavigableMap<IndicatorPeriod, Observation> observations;

  public Series(Unit unit, @Nullable BigDecimal population, Collection<Observation> values) {
    this.unit = unit;
    this.population = population;
    this.observations = new TreeMap<>();
    for (Observation o : values) {
      observations.put(o.period(), o);
    }
  }

  /** A series with no values. */
  public static Series empty(Unit unit) {
    return new Series(unit, null, List.of());
  }

  /**
   * The total of several series (a composite indicator), period by period, for the periods that
   * every one of them has.
   */
  public static Series sum(Unit unit, List<Series> parts) {
    if (parts.isEmpty()) {
      return empty(unit);
    }
    List<Observation> totals = new ArrayList<>();
    for (IndicatorPeriod period : parts.get(0).observations.keySet()) {
      BigDecimal total = BigDecimal.ZERO;
      boolean complete = true;
      for (Series part : parts) {
        Observation o = part.observations.get(period);
        if (o == null || o.value() == null) {
          complete = false;
          break;
        }
        total = total.add(o.value());
      }
      if (complete) {
        totals.add(new Observation(period, total, null, null));
      }
    }
    return new Series(unit, null, totals);
  }

  public Unit unit() {
    return unit;
  }

  public boolean isEmpty() {
    return observations.isEmpty();
  }

  /** The values in period order. */
  public List<Observation> observations() {
    return List.copyOf(observations.values());
  }

  public Optional<Observation> at(IndicatorPeriod period) {
    return Optional.ofNullable(observations.get(period));
  }

  /** The first month that has a value (the start of the earliest period). */
  public Optional<YearMonth> firstMonth() {
    return observations.isEmpty() ? Optional.empty() : Optional.of(observations.firstKey().first());
  }

  /** The last month that has a value (the end of the latest period). */
  public Optional<YearMonth> lastMonth() {
    return observations.keySet().stream().map(IndicatorPeriod::last).max(YearMonth::compareTo);
  }

  /** Whether a value is recorded for a month, a quarter or a year that ends with the month. */
  public boolean hasValueEndingIn(YearMonth end) {
    int m = end.getMonthValue();
    return observations.containsKey(new IndicatorPeriod(end, 1))
        || (m % 3 == 0 && observations.containsKey(new IndicatorPeriod(end.minusMonths(2), 3)))
        || (m == 3 && observations.containsKey(new IndicatorPeriod(end.minusMonths(11), 12)));
  }

  /** The value whose period ends latest, not after the month (the shortest period on a tie). */
  public Optional<Observation> latestUpTo(YearMonth limit) {
    Observation latest = null;
    for (Observation o : observations.values()) {
      YearMonth end = o.period().last();
      if (!end.isAfter(limit) && (latest == null || !end.isBefore(latest.period().last()))) {
        latest = o;
      }
    }
    return Optional.ofNullable(latest);
  }

  /** The figure for one period as recorded (a percentage from its parts when it has them). */
  public Total figure(Observation o) {
    if (unit.isRatio() && o.numerator() == null && o.value() != null) {
      return Total.of(new Ratio(o.value(), BigDecimal.ONE, null));
    }
    return figureOf(List.of(o), List.of());
  }

  /** The 12 months to {@code month}, inclusive. */
  public Total twelveMonthsTo(YearMonth month) {
    return over(month.minusMonths(11), month);
  }

  /** The figure for the months from {@code from} to {@code to}, inclusive. */
  public Total over(YearMonth from, YearMonth to) {
    List<Observation> used = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    YearMonth month = from;
    while (!month.isAfter(to)) {
      Observation found = covering(month, to);
      if (found == null) {
        missing.add(month.toString());
        month = month.plusMonths(1);
      } else {
        used.add(found);
        month = found.period().last().plusMonths(1);
      }
    }
    return figureOf(used, missing);
  }

  /** The shortest recorded period that starts in the month and ends by {@code to}. */
  private @Nullable Observation covering(YearMonth month, YearMonth to) {
    for (int length : LENGTHS) {
      Map.Entry<IndicatorPeriod, Observation> entry =
          observations.ceilingEntry(new IndicatorPeriod(month, 1));
      while (entry != null && entry.getKey().first().equals(month)) {
        IndicatorPeriod period = entry.getKey();
        if (period.months() == length && !period.last().isAfter(to)) {
          return entry.getValue();
        }
        entry = observations.higherEntry(period);
      }
    }
    return null;
  }

  private Total figureOf(List<Observation> used, List<String> missing) {
    if (!missing.isEmpty()) {
      return Total.missingPeriods(missing);
    }
    if (used.isEmpty()) {
      return Total.missing("No values");
    }
    if (!unit.isRatio()) {
      BigDecimal sum = BigDecimal.ZERO;
      for (Observation o : used) {
        BigDecimal value = o.value() != null ? o.value() : o.numerator();
        if (value == null) {
          return Total.missing(o.period() + " has no value");
        }
        sum = sum.add(value);
      }
      return Total.of(new Ratio(sum, BigDecimal.ONE, unit == Unit.COUNT ? sum : null));
    }
    BigDecimal numerators = BigDecimal.ZERO;
    BigDecimal denominators = BigDecimal.ZERO;
    List<String> withoutParts = new ArrayList<>();
    for (Observation o : used) {
      if (o.numerator() == null
          || (o.denominator() == null && (unit != Unit.RATE_PER_1000 || population == null))) {
        withoutParts.add(o.period().toString());
        continue;
      }
      numerators = numerators.add(o.numerator());
      if (o.denominator() != null) {
        denominators = denominators.add(o.denominator());
      }
    }
    if (!withoutParts.isEmpty()) {
      return Total.missing(
          "No numerator and denominator for "
              + String.join(", ", withoutParts.subList(0, Math.min(4, withoutParts.size())))
              + (withoutParts.size() > 4 ? " and " + (withoutParts.size() - 4) + " more" : ""));
    }
    if (unit == Unit.RATE_PER_1000) {
      BigDecimal lastDenominator = used.get(used.size() - 1).denominator();
      BigDecimal people = lastDenominator != null ? lastDenominator : population;
      return Total.of(
          new Ratio(numerators.multiply(BigDecimal.valueOf(unit.scale())), people, numerators));
    }
    if (denominators.signum() == 0) {
      return Total.missing("The denominators add up to zero");
    }
    // the cases behind a percentage are its numerator; behind an average of days, its denominator
    BigDecimal cases = unit == Unit.DAYS ? denominators : numerators;
    return Total.of(
        new Ratio(numerators.multiply(BigDecimal.valueOf(unit.scale())), denominators, cases));
  }
}
