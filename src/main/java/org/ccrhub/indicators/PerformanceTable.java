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
 * text ready for every format, with percentages to one decimal place, blank where a figure is not
 * defined, and small numbers suppressed when the table is for publication.
 */
public record PerformanceTable(
    YearMonth month, String comparator, Suppression suppression, List<Row> rows) {

  /** The CSV's columns, in order. */
  public static final List<String> CSV_COLUMNS =
      List.of(
          "ref",
          "name",
          "previous_12_months",
          "current_12_months",
          "change_pct",
          "baseline",
          "change_vs_baseline_pct",
          "comparator_change_pct",
          "target",
          "rating");

  /** One indicator's row: the figures as text, and why any are missing. */
  public record Row(
      Indicator indicator,
      Performance performance,
      String previous,
      String current,
      String changePct,
      String baseline,
      String changeVsBaselinePct,
      String comparatorChangePct,
      String target,
      @Nullable RagRating rating,
      List<String> notes) {

    /** The row as the CSV's cells. */
    public List<String> cells() {
      return List.of(
          indicator.ref(),
          indicator.name(),
          previous,
          current,
          changePct,
          baseline,
          changeVsBaselinePct,
          comparatorChangePct,
          target,
          rating == null ? "" : rating.label());
    }
  }

  /**
   * The table at a month for the indicators chosen.
   *
   * @param comparator the comparator area to show, or null for each indicator's first
   */
  public static PerformanceTable of(
      IndicatorData data,
      YearMonth month,
      @Nullable String comparator,
      Suppression suppression,
      Predicate<Indicator> chosen) {
    Map<Indicator, Performance> performances = new LinkedHashMap<>();
    for (Indicator indicator : data.indicators()) {
      if (chosen.test(indicator)) {
        performances.put(indicator, data.performance(indicator, month, comparator));
      }
    }
    Map<Indicator, Hidden> hidden = new HashMap<>();
    performances.forEach((i, p) -> hidden.put(i, Hidden.primary(p, suppression)));
    hideComplements(data, performances, hidden);
    List<Row> rows = new ArrayList<>();
    performances.forEach((i, p) -> rows.add(row(p, hidden.get(i), suppression)));
    String shownComparator =
        comparator != null
            ? comparator
            : performances.values().stream()
                .map(Performance::comparatorArea)
                .filter(a -> !a.isEmpty())
                .findFirst()
                .orElse("");
    return new PerformanceTable(month, shownComparator, suppression, List.copyOf(rows));
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

  /** Which of a row's figures are hidden. */
  private static final class Hidden {
    Hide previous = Hide.NO;
    Hide current = Hide.NO;
    boolean baseline;
    boolean comparator;

    static Hidden primary(Performance p, Suppression s) {
      Hidden h = new Hidden();
      h.previous = s.hides(p.previous().ratio()) ? Hide.SMALL : Hide.NO;
      h.current = s.hides(p.current().ratio()) ? Hide.SMALL : Hide.NO;
      h.baseline = p.baseline() != null && s.hides(p.baseline().ratio());
      h.comparator =
          p.comparatorCurrent() != null
              && (s.hides(p.comparatorCurrent().ratio())
                  || s.hides(p.comparatorPrevious().ratio()));
      return h;
    }
  }

  /**
   * Where a composite and its parts are all in the table, a single hidden cell among them could be
   * worked out from the total: hide the smallest other part too, until no column has exactly one.
   */
  private static void hideComplements(
      IndicatorData data, Map<Indicator, Performance> performances, Map<Indicator, Hidden> hidden) {
    boolean again = true;
    while (again) {
      again = false;
      for (Indicator total : performances.keySet()) {
        if (!total.isComposite()) {
          continue;
        }
        List<Indicator> group = new ArrayList<>();
        group.add(total);
        for (String ref : total.sumOf()) {
          data.byRef(ref).filter(performances::containsKey).ifPresent(group::add);
        }
        if (group.size() != total.sumOf().size() + 1) {
          continue;
        }
        again |= complement(group, performances, hidden, true);
        again |= complement(group, performances, hidden, false);
      }
    }
  }

  private static boolean complement(
      List<Indicator> group,
      Map<Indicator, Performance> performances,
      Map<Indicator, Hidden> hidden,
      boolean current) {
    long count =
        group.stream()
            .filter(i -> (current ? hidden.get(i).current : hidden.get(i).previous).hidden())
            .count();
    if (count != 1) {
      return false;
    }
    Indicator smallest = null;
    BigDecimal least = null;
    for (Indicator part : group.subList(1, group.size())) {
      Hidden h = hidden.get(part);
      Total figure = current ? performances.get(part).current() : performances.get(part).previous();
      if ((current ? h.current : h.previous).hidden() || !figure.isKnown()) {
        continue;
      }
      BigDecimal value = figure.ratio().rounded(6);
      if (least == null || value.compareTo(least) < 0) {
        least = value;
        smallest = part;
      }
    }
    if (smallest == null) {
      return false;
    }
    if (current) {
      hidden.get(smallest).current = Hide.COMPLEMENT;
    } else {
      hidden.get(smallest).previous = Hide.COMPLEMENT;
    }
    return true;
  }

  private static Row row(Performance p, Hidden h, Suppression s) {
    Indicator indicator = p.indicator();
    Unit unit = indicator.unit();
    List<String> notes = new ArrayList<>();
    note(notes, "Current 12 months", p.current());
    note(notes, "Previous 12 months", p.previous());
    if (p.baseline() != null) {
      note(notes, "Baseline", p.baseline());
    }
    return new Row(
        indicator,
        p,
        figure(p.previous(), unit, h.previous, s),
        figure(p.current(), unit, h.current, s),
        percent(p.changePct(), h.previous.hidden() || h.current.hidden()),
        p.baseline() == null
            ? ""
            : figure(p.baseline(), unit, h.baseline ? Hide.SMALL : Hide.NO, s),
        percent(p.changeVsBaselinePct(), h.current.hidden() || h.baseline),
        percent(p.comparatorChangePct(), h.comparator),
        p.target() == null ? "" : format(p.target(), unit),
        p.rating(),
        List.copyOf(notes));
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

  private static String percent(@Nullable BigDecimal pct, boolean hidden) {
    if (pct == null) {
      return "";
    }
    return hidden ? Suppression.DERIVED : pct.toPlainString();
  }

  /** A figure to the unit's decimal places: {@code 1114}, {@code 53.7}, {@code 18000.00}. */
  static String format(Ratio figure, Unit unit) {
    return figure.rounded(unit.decimals()).toPlainString();
  }
}
