package org.ccrhub.indicators.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.ccrhub.indicators.Indicator;
import org.ccrhub.indicators.IndicatorCharts;
import org.ccrhub.indicators.IndicatorData;
import org.ccrhub.indicators.Ratio;
import org.ccrhub.indicators.Total;
import org.jspecify.annotations.Nullable;

/**
 * An indicator's chart on its page ({@link IndicatorCharts}: the rolling 12-month figure over up to
 * the last 36 months to the month shown, with the target) and the same figures as a table, with the
 * comparator's, so that nobody needs to see the chart to read them.
 */
record IndicatorChartData(
    String summary,
    String ownName,
    String comparatorName,
    List<Row> rows,
    String image,
    String narrowImage,
    String alt) {

  /**
   * The chart's size in pixels: wide for screens, and narrow for phones, where the wide one would
   * be shrunk until its text could not be read (the narrow one is drawn at the width of a 320-pixel
   * screen's content, with fewer labels along the bottom).
   */
  static final int WIDTH = 900;

  static final int HEIGHT = 360;
  static final int NARROW_WIDTH = 290;
  static final int NARROW_HEIGHT = 300;

  /** The months the chart covers at most. */
  static final int MONTHS = 36;

  /** One step of the chart's data, as text for the table. */
  record Row(String month, String own, String comparator) {}

  static IndicatorChartData of(
      IndicatorData data,
      Indicator indicator,
      String ownName,
      String comparator,
      @Nullable Ratio target,
      java.time.YearMonth to) {
    List<IndicatorCharts.Point> points =
        IndicatorCharts.rolling(data, indicator, to, MONTHS, comparator);
    List<Row> rows = new ArrayList<>();
    for (IndicatorCharts.Point p : points) {
      rows.add(
          new Row(
              p.label(),
              text(p.own(), indicator),
              p.comparator() == null ? "" : text(p.comparator(), indicator)));
    }
    if (points.isEmpty()) {
      return new IndicatorChartData("", ownName, comparator, rows, "", "", "");
    }
    String summary =
        "The figure for the 12 months to each "
            + (indicator.frequency().months() == 1 ? "month" : "period end")
            + " from "
            + rows.get(0).month()
            + " to "
            + rows.get(rows.size() - 1).month()
            + " for "
            + ownName
            + (target == null
                ? ""
                : ", with the target of " + IndicatorPages.figure(target, indicator.unit()))
            + ". The chart's data, after the chart, gives the same figures"
            + (comparator.isEmpty() ? "" : ", and those of " + comparator)
            + ".";
    String svg =
        IndicatorCharts.svg(indicator, points, ownName, comparator, target, WIDTH, HEIGHT, false);
    String narrow =
        IndicatorCharts.svg(
            indicator, points, ownName, comparator, target, NARROW_WIDTH, NARROW_HEIGHT, false);
    String alt =
        "Line chart of the 12-month figures of "
            + indicator.ref()
            + " "
            + indicator.name()
            + " from "
            + rows.get(0).month()
            + " to "
            + rows.get(rows.size() - 1).month()
            + ". The chart's data, after it, gives the figures.";
    return new IndicatorChartData(
        summary, ownName, comparator, rows, dataUri(svg), dataUri(narrow), alt);
  }

  /**
   * The chart as the address of an image. It is not put in the page as inline SVG because its
   * drawing is styled with {@code style} attributes, which the pages' Content-Security-Policy
   * ({@code style-src 'self'}) refuses; an image is a document of its own, where they apply.
   */
  static String dataUri(String svg) {
    return "data:image/svg+xml;base64,"
        + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  private static String text(Total total, Indicator indicator) {
    return total.isKnown() ? IndicatorPages.figure(total.ratio(), indicator.unit()) : "No figure";
  }
}
