package org.ccrhub.indicators;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.ccrhub.shared.RagRating;
import org.jspecify.annotations.Nullable;

/**
 * The performance table for a month, as a community safety partnership reports it: one row per
 * indicator with the previous and current 12 months, the change, the baseline and the change
 * against it, the comparator's change over the same months, the target and the rating. Cells are
 * text ready for files, plain numbers with percentages to one decimal place, blank where a figure
 * is not defined, and small numbers suppressed when the table is for publication; each row also
 * says its figures and changes as people read them ({@link Row#shown}, {@link ShownChange}), with
 * thousands separated and the change in points for percentages and rates ({@link Change}). Its
 * month is a {@link DataMonth}: the indicators with no figure for it have no row, and are listed as
 * {@link #missing}.
 */
public record PerformanceTable(
    YearMonth month,
    String comparator,
    Suppression suppression,
    List<Row> rows,
    List<DataMonth.Missing> missing) {

  /** The CSV's columns, in order. */
  public static final List<String> CSV_COLUMNS =
      List.of(
          "ref",
          "name",
          "previous_12_months",
          "current_12_months",
          "change_pct",
          "change_points",
          "baseline",
          "change_vs_baseline_pct",
          "comparator_change_pct",
          "target",
          "rating");

  /**
   * A change as a table shows it: the headline ({@code -0.5 points}, {@code -7.2%}, or {@code [c]}
   * when it would give a hidden figure away), the relative change after points ({@code -1.6%}), and
   * whether that is better or worse in words; blank when it is not defined.
   */
  public record ShownChange(
      String headline, String relative, Change.@Nullable Direction direction) {

    static final ShownChange NONE = new ShownChange("", "", null);

    /** The change shown; with no polarity, without better or worse. */
    static ShownChange of(Change change, @Nullable Polarity polarity, boolean hidden) {
      if (!change.isKnown()) {
        return NONE;
      }
      if (hidden) {
        return new ShownChange(Suppression.DERIVED, "", null);
      }
      return new ShownChange(
          change.headlineText(),
          change.relativeText(),
          polarity == null ? null : change.direction(polarity));
    }

    public boolean isEmpty() {
      return headline.isEmpty();
    }
  }

  /**
   * One indicator's row: the figures as text, why any are missing, and whether any is hidden (so
   * that nothing else, a chart say, shows it).
   */
  public record Row(
      Indicator indicator,
      Performance performance,
      String previous,
      String current,
      String changePct,
      String changePoints,
      String baseline,
      String changeVsBaselinePct,
      String comparatorChangePct,
      String target,
      @Nullable RagRating rating,
      List<String> notes,
      boolean hidesSomething,
      ShownChange change,
      ShownChange changeOnBaseline,
      ShownChange comparatorChange) {

    /** The row as the CSV's cells. */
    public List<String> cells() {
      return List.of(
          indicator.ref(),
          indicator.name(),
          previous,
          current,
          changePct,
          changePoints,
          baseline,
          changeVsBaselinePct,
          comparatorChangePct,
          target,
          rating == null ? "" : rating.label());
    }

    /**
     * One of the row's figures (a cell of {@link #cells()}) as people read it: {@code 1,114},
     * {@code 53.7%}; {@code <5}, {@code [c]} and blanks as they are.
     */
    public String shown(String cell) {
      return Figures.shown(cell, indicator.unit());
    }
  }

  /**
   * The table at a month for the indicators chosen: those without a figure for the month are listed
   * as missing instead of having a row.
   *
   * @param comparator the comparator area to show, or null for each indicator's first
   */
  public static PerformanceTable of(
      IndicatorData data,
      YearMonth month,
      @Nullable String comparator,
      Suppression suppression,
      Predicate<Indicator> chosen) {
    return of(data, data.dataMonthAt(month, chosen), comparator, suppression, chosen);
  }

  /**
   * The table at a data month for the indicators chosen, which the data month was worked out for:
   * those it finds missing are listed instead of having a row.
   *
   * @param comparator the comparator area to show, or null for each indicator's first
   */
  static PerformanceTable of(
      IndicatorData data,
      DataMonth dataMonth,
      @Nullable String comparator,
      Suppression suppression,
      Predicate<Indicator> chosen) {
    YearMonth month = dataMonth.month();
    Map<Indicator, Performance> performances = new LinkedHashMap<>();
    for (Indicator indicator : data.indicators()) {
      if (chosen.test(indicator) && !dataMonth.isMissing(indicator)) {
        performances.put(indicator, data.performance(indicator, month, comparator));
      }
    }
    Map<Indicator, Hidden> hidden = new HashMap<>();
    performances.forEach((i, p) -> hidden.put(i, Hidden.primary(p, suppression)));
    if (suppression.isOn()) {
      hideComplements(data, month, comparator, suppression, performances, hidden);
    }
    List<String> areas =
        performances.values().stream()
            .map(Performance::comparatorArea)
            .filter(a -> !a.isEmpty())
            .distinct()
            .toList();
    // one comparator names the column; with several, each row says which it is compared with
    String shownComparator =
        comparator != null ? comparator : areas.size() == 1 ? areas.get(0) : "";
    List<Row> rows = new ArrayList<>();
    performances.forEach(
        (i, p) -> rows.add(row(p, hidden.get(i), suppression, month, areas.size() > 1)));
    List<DataMonth.Missing> missing =
        dataMonth.missing().stream().filter(m -> chosen.test(m.indicator())).toList();
    return new PerformanceTable(month, shownComparator, suppression, List.copyOf(rows), missing);
  }

  /** The CSV rows. */
  public List<List<String>> cells() {
    return rows.stream().map(Row::cells).toList();
  }

  /** Why a figure is hidden: it is small, or it would reveal a small one. */
  private enum Hide {
    NO,
    SMALL,
    COMPLEMENT;

    boolean hidden() {
      return this != NO;
    }
  }

  /** The columns that hold counts, where a total of parts could give a hidden one away. */
  private enum Column {
    PREVIOUS,
    CURRENT,
    BASELINE;

    @Nullable Total of(Performance p) {
      return switch (this) {
        case PREVIOUS -> p.previous();
        case CURRENT -> p.current();
        case BASELINE -> p.baseline();
      };
    }
  }

  /** Which of a row's figures are hidden. */
  private static final class Hidden {
    final Map<Column, Hide> cells = new java.util.EnumMap<>(Column.class);
    boolean comparator;

    static Hidden primary(Performance p, Suppression s) {
      Hidden h = new Hidden();
      for (Column column : Column.values()) {
        Total figure = column.of(p);
        h.cells.put(column, figure != null && s.hides(figure.ratio()) ? Hide.SMALL : Hide.NO);
      }
      h.comparator =
          p.comparatorCurrent() != null
              && (s.hides(p.comparatorCurrent().ratio())
                  || s.hides(p.comparatorPrevious().ratio()));
      return h;
    }

    Hide get(Column column) {
      return cells.get(column);
    }

    boolean any() {
      return comparator || cells.values().stream().anyMatch(Hide::hidden);
    }
  }

  /**
   * A composite is the sum of its parts, so one unknown cell among a composite and its parts can be
   * worked out from the others. Unknown are the hidden cells, and the parts left out of the table
   * (taken together: a reader can work out only their sum). Where a column has exactly one unknown
   * and it is small, the smallest shown part is hidden too (or the total, when no part is shown),
   * until no column gives a small figure away.
   */
  private static void hideComplements(
      IndicatorData data,
      YearMonth month,
      @Nullable String comparator,
      Suppression suppression,
      Map<Indicator, Performance> performances,
      Map<Indicator, Hidden> hidden) {
    boolean again = true;
    while (again) {
      again = false;
      for (Indicator total : performances.keySet()) {
        if (!total.isComposite()) {
          continue;
        }
        List<Indicator> shown = new ArrayList<>();
        List<Indicator> left = new ArrayList<>();
        for (String ref : total.sumOf()) {
          data.byRef(ref)
              .ifPresent(part -> (performances.containsKey(part) ? shown : left).add(part));
        }
        for (Column column : Column.values()) {
          again |=
              complement(
                  total,
                  shown,
                  left,
                  column,
                  data,
                  month,
                  comparator,
                  suppression,
                  performances,
                  hidden);
        }
      }
    }
  }

  private static boolean complement(
      Indicator total,
      List<Indicator> shown,
      List<Indicator> left,
      Column column,
      IndicatorData data,
      YearMonth month,
      @Nullable String comparator,
      Suppression suppression,
      Map<Indicator, Performance> performances,
      Map<Indicator, Hidden> hidden) {
    List<Indicator> cells = new ArrayList<>(shown);
    cells.add(0, total);
    long unknown = cells.stream().filter(i -> hidden.get(i).get(column).hidden()).count();
    boolean smallUnknown = unknown == 1;
    if (!left.isEmpty()) {
      unknown++;
      smallUnknown =
          unknown == 1 && leftOutIsSmall(left, column, data, month, comparator, suppression);
    }
    if (unknown != 1 || !smallUnknown) {
      return false;
    }
    Indicator smallest = null;
    BigDecimal least = null;
    for (Indicator part : shown) {
      Total figure = column.of(performances.get(part));
      if (hidden.get(part).get(column).hidden() || figure == null || !figure.isKnown()) {
        continue;
      }
      BigDecimal value = figure.ratio().rounded(6);
      if (least == null || value.compareTo(least) < 0) {
        least = value;
        smallest = part;
      }
    }
    Indicator hide = smallest != null ? smallest : total;
    if (hidden.get(hide).get(column).hidden()) {
      return false;
    }
    hidden.get(hide).cells.put(column, Hide.COMPLEMENT);
    return true;
  }

  /** Whether the parts left out of the table add up to a small number in the column. */
  private static boolean leftOutIsSmall(
      List<Indicator> left,
      Column column,
      IndicatorData data,
      YearMonth month,
      @Nullable String comparator,
      Suppression suppression) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Indicator part : left) {
      Total figure = column.of(data.performance(part, month, comparator));
      if (figure == null || !figure.isKnown()) {
        return false;
      }
      BigDecimal count = figure.ratio().count();
      if (count == null) {
        return false;
      }
      sum = sum.add(count);
    }
    return suppression.hides(sum);
  }

  private static Row row(
      Performance p, Hidden h, Suppression s, YearMonth month, boolean severalComparators) {
    Indicator indicator = p.indicator();
    Unit unit = indicator.unit();
    List<String> notes = new ArrayList<>();
    if (!p.month().equals(month)) {
      notes.add(
          "Reported "
              + indicator.frequency().label()
              + ": the 12 months to "
              + p.month()
                  .format(
                      java.time.format.DateTimeFormatter.ofPattern(
                          "MMM yyyy", java.util.Locale.UK)));
    }
    note(notes, "Current 12 months", p.current());
    note(notes, "Previous 12 months", p.previous());
    if (p.baseline() != null) {
      note(notes, "Baseline", p.baseline());
    }
    if (severalComparators && !p.comparatorArea().isEmpty()) {
      notes.add("Compared with " + p.comparatorArea());
    }
    Hide previous = h.get(Column.PREVIOUS);
    Hide current = h.get(Column.CURRENT);
    Hide baseline = h.get(Column.BASELINE);
    // a target worked out from a hidden baseline would give the baseline away
    boolean targetHidden = baseline.hidden() && indicator.targetValue() == null;
    boolean changeHidden = previous.hidden() || current.hidden();
    boolean baselineChangeHidden = current.hidden() || baseline.hidden();
    Polarity polarity = indicator.polarity();
    return new Row(
        indicator,
        p,
        figure(p.previous(), unit, previous, s),
        figure(p.current(), unit, current, s),
        percent(p.changePct(), changeHidden),
        percent(p.change().points(), changeHidden),
        p.baseline() == null ? "" : figure(p.baseline(), unit, baseline, s),
        percent(p.changeVsBaselinePct(), baselineChangeHidden),
        percent(p.comparatorChangePct(), h.comparator),
        p.target() == null ? "" : targetHidden ? Suppression.DERIVED : format(p.target(), unit),
        p.rating(),
        List.copyOf(notes),
        h.any() || targetHidden,
        ShownChange.of(p.change(), polarity, changeHidden),
        ShownChange.of(p.changeOnBaseline(), polarity, baselineChangeHidden),
        // whether the comparator's change is better or worse is not the partnership's to say
        ShownChange.of(p.comparatorChange(), null, h.comparator));
  }

  private static void note(List<String> notes, String what, Total total) {
    if (!total.isKnown() && !total.missing().isEmpty()) {
      notes.add(what + ": " + total.missing());
    }
  }

  private static String figure(Total total, Unit unit, Hide hide, Suppression s) {
    if (!total.isKnown()) {
      return "";
    }
    if (hide.hidden()) {
      return hide == Hide.SMALL && unit == Unit.COUNT ? s.hiddenCount() : Suppression.DERIVED;
    }
    return format(total.ratio(), unit);
  }

  /** A change (a percentage or points) as a file's cell holds it: {@code -7.2}, or hidden. */
  private static String percent(@Nullable BigDecimal change, boolean hidden) {
    if (change == null) {
      return "";
    }
    return hidden ? Suppression.DERIVED : change.toPlainString();
  }

  /** A figure to the unit's decimal places: {@code 1114}, {@code 53.7}, {@code 18000.00}. */
  static String format(Ratio figure, Unit unit) {
    return figure.rounded(unit.decimals()).toPlainString();
  }
}
