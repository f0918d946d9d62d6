package org.ccrhub.indicators;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.ccrhub.shared.RagRating;

/**
 * The indicators off target at a month: their 12-month figure is behind the trajectory to their
 * target, so they are rated worse than Green (Amber/Green within the tolerance, then Amber/Red and
 * Red; Amber then Red with three levels). Worst first, then in ref order. No figures, so nothing
 * here needs suppressing.
 *
 * @param month the month the 12-month figures end at
 * @param indicators how many indicators the partnership has
 * @param rated how many of them have a rating at the month (a target, a figure and a direction)
 */
public record OffTarget(YearMonth month, int indicators, int rated, List<Line> lines) {

  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

  /**
   * One indicator off target.
   *
   * @param behindPct how far the 12-month figure is behind the trajectory, e.g. {@code 12.5}
   */
  public record Line(long id, String ref, String name, RagRating rating, String behindPct) {}

  /** E.g. {@code October 2016}. */
  public String monthText() {
    return MONTH.format(month);
  }

  static OffTarget of(IndicatorData data, YearMonth month) {
    int rated = 0;
    List<Performance> off = new ArrayList<>();
    for (Indicator indicator : data.indicators()) {
      Performance p = data.performance(indicator, month, null);
      if (p.rating() == null) {
        continue;
      }
      rated++;
      if (p.rating() != RagRating.GREEN) {
        off.add(p);
      }
    }
    List<Line> lines =
        off.stream()
            // the indicators are in ref order, which the sort keeps within a rating
            .sorted(Comparator.comparingInt((Performance p) -> -p.rating().severity()))
            .map(
                p ->
                    new Line(
                        p.indicator().id(),
                        p.indicator().ref(),
                        p.indicator().name(),
                        p.rating(),
                        p.behindTrajectoryPct() == null
                            ? ""
                            : p.behindTrajectoryPct().toPlainString()))
            .toList();
    return new OffTarget(month, data.indicators().size(), rated, lines);
  }
}
