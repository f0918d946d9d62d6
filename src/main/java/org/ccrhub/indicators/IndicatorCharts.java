package org.ccrhub.indicators;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The chart of an indicator, the same on its page, in the board pack and in PDFs: the rolling
 * 12-month figure at each step (a month, or a quarter or year for indicators reported so), for the
 * partnership and, for percentages, rates and days, its comparator, with the target as a line.
 * Counts are not drawn against a comparator's: London's would flatten a borough's line. The points
 * are also given as data, so that pages can show the chart's data as a table.
 */
public final class IndicatorCharts {

  private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);

  private IndicatorCharts() {}

  /** The figure for the 12 months to a month, for the partnership and the comparator. */
  public record Point(YearMonth month, Total own, @Nullable Total comparator) {

    public String label() {
      return month.format(LABEL);
    }
  }

  /**
   * The rolling 12-month figures at each step over (at most) {@code months} months to {@code to},
   * oldest first, from the first step that has a figure.
   *
   * @param comparator the comparator area, or blank for none
   */
  public static List<Point> rolling(
      IndicatorData data, Indicator indicator, YearMonth to, int months, String comparator) {
    Series own = data.series(indicator, IndicatorData.OWN_AREA);
    Series other = comparator.isBlank() ? null : data.series(indicator, comparator);
    int step = indicator.frequency().months();
    to = indicator.frequency().lastEnd(to);
    List<Point> points = new ArrayList<>();
    for (int back = (months - 1) / step * step; back >= 0; back -= step) {
      YearMonth month = to.minusMonths(back);
      Total figure = own.twelveMonthsTo(month);
      if (points.isEmpty() && !figure.isKnown()) {
        continue;
      }
      points.add(new Point(month, figure, other == null ? null : other.twelveMonthsTo(month)));
    }
    return points;
  }

  /**
   * The chart as inline SVG with its text alternative.
   *
   * @param ownArea what the partnership's line is called, e.g. its name
   * @param forPdf whether the chart goes into a PDF, whose SVG renderer does not see the embedded
   *     fonts: its text is then drawn as outlines of CCR Hub Sans
   */
  public static String svg(
      Indicator indicator,
      List<Point> points,
      String ownArea,
      String comparator,
      @Nullable Ratio target,
      int width,
      int height,
      boolean forPdf) {
    Unit unit = indicator.unit();
    List<String> labels = points.stream().map(Point::label).toList();
    List<IndicatorChart.Line> lines = new ArrayList<>();
    lines.add(
        new IndicatorChart.Line(ownArea, points.stream().map(p -> value(p.own(), unit)).toList()));
    // a comparator's counts are of another size altogether (London against one borough): only
    // percentages, rates and days share a scale, and only they are drawn together
    boolean withComparator =
        unit.isRatio()
            && !comparator.isBlank()
            && points.stream().anyMatch(p -> p.comparator() != null && p.comparator().isKnown());
    if (withComparator) {
      lines.add(
          new IndicatorChart.Line(
              comparator, points.stream().map(p -> value(p.comparator(), unit)).toList()));
    }
    BigDecimal targetValue = target == null ? null : target.rounded(unit.decimals());
    return IndicatorChart.svg(
        indicator.ref() + " " + indicator.name() + ": 12-month figures",
        description(indicator, points, ownArea, withComparator ? comparator : "", targetValue),
        labels,
        lines,
        targetValue,
        unit.axis(),
        width,
        height,
        forPdf);
  }

  private static @Nullable BigDecimal value(@Nullable Total total, Unit unit) {
    return total == null || !total.isKnown() ? null : total.ratio().rounded(unit.decimals());
  }

  /** What the chart shows, in words, for people who cannot see it. */
  static String description(
      Indicator indicator,
      List<Point> points,
      String ownArea,
      String comparator,
      @Nullable BigDecimal target) {
    if (points.isEmpty()) {
      return "There are no 12-month figures to show for " + indicator.name() + ".";
    }
    Point first = points.get(0);
    Point last = points.get(points.size() - 1);
    StringBuilder text =
        new StringBuilder("Line chart of the 12-month figure for ")
            .append(indicator.name())
            .append(" at each ")
            .append(indicator.frequency() == Frequency.MONTHLY ? "month" : "step")
            .append(" from ")
            .append(first.label())
            .append(" to ")
            .append(last.label())
            .append(", for ")
            .append(ownArea)
            .append(comparator.isEmpty() ? "" : " and " + comparator)
            .append(". ");
    Unit unit = indicator.unit();
    BigDecimal firstValue = value(first.own(), unit);
    BigDecimal lastValue = value(last.own(), unit);
    if (firstValue != null && lastValue != null) {
      text.append("It went from ")
          .append(Figures.plainGrouped(firstValue))
          .append(" to ")
          .append(Figures.plainGrouped(lastValue))
          .append(". ");
    }
    BigDecimal comparatorValue = value(last.comparator(), unit);
    if (!comparator.isEmpty() && comparatorValue != null) {
      text.append(comparator)
          .append(" was ")
          .append(Figures.plainGrouped(comparatorValue))
          .append(" in ")
          .append(last.label())
          .append(". ");
    }
    if (target != null) {
      text.append("The target is ").append(Figures.plainGrouped(target)).append(".");
    }
    return text.toString().strip();
  }
}
