package org.ccrhub.indicators;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The data month: the month whose figures the board pack, the dashboard and the performance table
 * report, and the indicators that have no figure for it.
 *
 * <p>An indicator has its figure for a month when a value is recorded for the period it is judged
 * at: the month itself when it is monthly; the last quarter or financial year closed by then when
 * it is quarterly or yearly (as {@link Performance} judges it). Indicators without one are not
 * shown as blank rows: they are listed, with who provides them, as figures missing.
 *
 * <p>By default the data month is the latest month, not after the limit (the end of a board pack's
 * quarter; this month for a page), at which every indicator shown has its figure. Sources arrive at
 * different times (police data a month before health data), so a month in which only some
 * indicators have a value would show the others blank. The search runs back from the latest month
 * that any value reaches, at most {@link #HOLD_BACK} months: a source later than that does not hold
 * every other figure back; when no month in those three has every figure, the latest with the most
 * is chosen, and the late ones are named as missing. Indicators with no value at all, or none for a
 * long time, so never hold the month back. When every figure shown is quarterly or yearly, the
 * month is the end of the quarter or year they reach (June, not August, for figures to June).
 * Without any value up to the limit it is the fallback the caller gives.
 *
 * @param month the month the 12-month figures end at
 * @param byDefault whether the month was worked out by this rule rather than chosen by someone
 * @param shown how many indicators are shown
 * @param missing the indicators shown that have no figure for the month, in the order given
 */
public record DataMonth(YearMonth month, boolean byDefault, int shown, List<Missing> missing) {

  /**
   * How many months before the latest month with a value the default may go back to find every
   * figure: two, so that a source up to a quarter behind the others is waited for.
   */
  public static final int HOLD_BACK = 2;

  private static final DateTimeFormatter LONG_MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

  public DataMonth {
    missing = List.copyOf(missing);
  }

  /**
   * An indicator without its figure for the month.
   *
   * @param latest the period of its latest value, or null when it has none
   */
  public record Missing(Indicator indicator, @Nullable IndicatorPeriod latest) {

    /** E.g. {@code September 2016}, {@code 2016/17 Q2}, or {@code No values yet}. */
    public String latestText() {
      if (latest == null) {
        return "No values yet";
      }
      return latest.isMonth() ? LONG_MONTH.format(latest.first()) : latest.toString();
    }

    /** Who provides it, as its definition says. */
    public String providedBy() {
      return DataMonth.providedBy(indicator);
    }

    /**
     * The figures missing as lines of text (none when none is): {@code Figures missing for October
     * 2016, left out:}, then one line for each, {@code 3.2 Assaults seen at A&E (Source: NHS;
     * owner: Public health; latest value: September 2016)}.
     */
    public static List<String> lines(YearMonth month, List<Missing> missing) {
      List<String> lines = new ArrayList<>();
      if (!missing.isEmpty()) {
        lines.add("Figures missing for " + LONG_MONTH.format(month) + ", left out:");
      }
      for (Missing m : missing) {
        lines.add(
            "  "
                + m.indicator().ref()
                + " "
                + m.indicator().name()
                + " ("
                + m.providedBy()
                + "; "
                + (m.latest() == null ? "no values yet" : "latest value: " + m.latestText())
                + ")");
      }
      return lines;
    }
  }

  /**
   * What someone agrees to when they let papers go without the missing figures: the month and which
   * indicators, e.g. {@code 2016-09:12,15}. Papers produced later with other figures missing need
   * another agreement.
   */
  public static String agreement(YearMonth month, List<Missing> missing) {
    return month
        + ":"
        + missing.stream()
            .map(m -> m.indicator().id())
            .sorted()
            .map(String::valueOf)
            .collect(java.util.stream.Collectors.joining(","));
  }

  /** {@link #agreement(YearMonth, List)} for this month's missing figures. */
  public String agreement() {
    return agreement(month, missing);
  }

  /** The default data month, as the class describes. */
  public static DataMonth latest(
      List<Indicator> shown,
      Function<Indicator, Series> values,
      YearMonth limit,
      YearMonth fallback) {
    Optional<YearMonth> reached =
        shown.stream()
            .map(i -> values.apply(i).latestUpTo(limit).map(o -> o.period().last()))
            .flatMap(Optional::stream)
            .max(YearMonth::compareTo);
    if (reached.isEmpty()) {
      return of(fallback, true, shown, values);
    }
    YearMonth best = reached.get();
    int most = -1;
    for (int back = 0; back <= HOLD_BACK; back++) {
      YearMonth candidate = reached.get().minusMonths(back);
      int with = 0;
      for (Indicator i : shown) {
        if (hasFigure(i, values.apply(i), candidate)) {
          with++;
        }
      }
      if (with > most) {
        best = candidate;
        most = with;
      }
      if (with == shown.size()) {
        break;
      }
    }
    // the latest month a figure of the table reaches: the same figures, named by their own month
    YearMonth reachedByFigures = best;
    if (!shown.isEmpty()) {
      YearMonth chosen = best;
      reachedByFigures =
          shown.stream()
              .map(i -> i.frequency().lastEnd(chosen))
              .max(YearMonth::compareTo)
              .orElse(best);
    }
    return of(reachedByFigures, true, shown, values);
  }

  /** The data month someone chose, with the indicators that have no figure for it. */
  public static DataMonth chosen(
      YearMonth month, List<Indicator> shown, Function<Indicator, Series> values) {
    return of(month, false, shown, values);
  }

  private static DataMonth of(
      YearMonth month,
      boolean byDefault,
      List<Indicator> shown,
      Function<Indicator, Series> values) {
    List<Missing> missing = new ArrayList<>();
    for (Indicator i : shown) {
      Series series = values.apply(i);
      if (!hasFigure(i, series, month)) {
        missing.add(
            new Missing(
                i,
                series.lastMonth().flatMap(series::latestUpTo).map(o -> o.period()).orElse(null)));
      }
    }
    return new DataMonth(month, byDefault, shown.size(), missing);
  }

  /**
   * Whether the indicator has its figure for the month: a value for the month (monthly), or for the
   * last quarter or year closed by then (quarterly, yearly).
   */
  public static boolean hasFigure(Indicator indicator, Series values, YearMonth month) {
    return values.hasValueEndingIn(indicator.frequency().lastEnd(month));
  }

  /** Whether the indicator is one of those without a figure for the month. */
  public boolean isMissing(Indicator indicator) {
    return missing.stream().anyMatch(m -> m.indicator().id() == indicator.id());
  }

  /** Whether any indicator shown has its figure for the month. */
  public boolean anyFigure() {
    return missing.size() < shown;
  }

  /** Whether every indicator shown has its figure for the month. */
  public boolean complete() {
    return missing.isEmpty();
  }

  /** E.g. {@code October 2016}. */
  public String monthText() {
    return LONG_MONTH.format(month);
  }

  /**
   * Who provides an indicator's values, from its definition: {@code Source: Police (CRIS); owner:
   * Community safety analyst}, or what of that is recorded.
   */
  public static String providedBy(Indicator indicator) {
    String source = indicator.source().strip();
    String owner = indicator.owner().strip();
    if (source.isEmpty() && owner.isEmpty()) {
      return "No source or owner recorded";
    }
    if (owner.isEmpty()) {
      return "Source: " + source + "; no owner recorded";
    }
    if (source.isEmpty()) {
      return "No source recorded; owner: " + owner;
    }
    return "Source: " + source + "; owner: " + owner;
  }
}
