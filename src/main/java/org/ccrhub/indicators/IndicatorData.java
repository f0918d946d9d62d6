package org.ccrhub.indicators;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.ccrhub.shared.RagScheme;
import org.jspecify.annotations.Nullable;

/**
 * A partnership's indicators with their current values, by area, as they stood at one version of
 * its data. A composite's series is the sum of its parts' series. Kept and shared while the data is
 * unchanged, so it is immutable.
 */
public final class IndicatorData {

  /** The area name of the partnership's own values. */
  public static final String OWN_AREA = "";

  private final long version;
  private final RagScheme scheme;
  private final List<Indicator> indicators;
  private final Map<Long, Map<String, Series>> series;
  private final Optional<YearMonth> lastMonth;

  IndicatorData(
      long version,
      RagScheme scheme,
      List<Indicator> indicators,
      Map<Long, Map<String, Series>> series) {
    this.version = version;
    this.scheme = scheme;
    this.indicators = List.copyOf(indicators);
    this.series = series;
    this.lastMonth =
        this.indicators.stream()
            .map(i -> series(i, OWN_AREA).lastMonth())
            .flatMap(Optional::stream)
            .max(YearMonth::compareTo);
  }

  public long version() {
    return version;
  }

  public RagScheme scheme() {
    return scheme;
  }

  /** The indicators in natural ref order. */
  public List<Indicator> indicators() {
    return indicators;
  }

  public Optional<Indicator> byRef(String ref) {
    return indicators.stream().filter(i -> i.ref().equalsIgnoreCase(ref.strip())).findFirst();
  }

  /** The indicator's values in an area ({@link #OWN_AREA} for the partnership's own). */
  public Series series(Indicator indicator, String area) {
    return series
        .getOrDefault(indicator.id(), Map.of())
        .getOrDefault(area, Series.empty(indicator.unit()));
  }

  /** The comparator areas the indicator has values for, in alphabetical order. */
  public List<String> comparators(Indicator indicator) {
    return new ArrayList<>(
        new TreeSet<>(
            series.getOrDefault(indicator.id(), Map.of()).keySet().stream()
                .filter(area -> !area.equals(OWN_AREA))
                .toList()));
  }

  /** Every comparator area any indicator has values for. */
  public List<String> comparators() {
    TreeSet<String> areas = new TreeSet<>();
    series.values().forEach(byArea -> areas.addAll(byArea.keySet()));
    areas.remove(OWN_AREA);
    return List.copyOf(areas);
  }

  /** The last month any of the partnership's own values reach. */
  public Optional<YearMonth> lastMonth() {
    return lastMonth;
  }

  /**
   * The month pages show unless asked for another: the data month of every indicator up to this
   * month ({@link DataMonth}); last month when there are no values.
   */
  public YearMonth shownMonth(YearMonth thisMonth) {
    return dataMonth(thisMonth, thisMonth.minusMonths(1), i -> true).month();
  }

  /**
   * The default data month of the indicators shown: the latest month not after the limit at which
   * each has its figure ({@link DataMonth#latest}), or the fallback when none has a value by then.
   */
  public DataMonth dataMonth(YearMonth limit, YearMonth fallback, Predicate<Indicator> shown) {
    return DataMonth.latest(
        indicators.stream().filter(shown).toList(), i -> series(i, OWN_AREA), limit, fallback);
  }

  /** A data month someone chose, with the indicators shown that have no figure for it. */
  public DataMonth dataMonthAt(YearMonth month, Predicate<Indicator> shown) {
    return DataMonth.chosen(
        month, indicators.stream().filter(shown).toList(), i -> series(i, OWN_AREA));
  }

  /**
   * The indicator's performance at a month, against the named comparator, or the first comparator
   * it has values for when none is named (or the named one has none).
   */
  public Performance performance(
      Indicator indicator, YearMonth month, @Nullable String comparator) {
    List<String> areas = comparators(indicator);
    String area =
        comparator != null && areas.contains(comparator)
            ? comparator
            : areas.isEmpty() ? "" : areas.get(0);
    Series comparatorSeries = area.isEmpty() ? null : series(indicator, area);
    return Performance.of(
        indicator, series(indicator, OWN_AREA), comparatorSeries, area, month, scheme);
  }
}
