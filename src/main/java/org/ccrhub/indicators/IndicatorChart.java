package org.ccrhub.indicators;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.ViewBox;
import org.jspecify.annotations.Nullable;

/**
 * A line chart of a performance indicator over time, as an SVG element to inline in an HTML page or
 * in the XHTML that {@code Documents} lays out as a PDF: the partnership's figures, optionally a
 * comparator's, and optionally the target, in GOV.UK colours.
 *
 * <p>Readable without colour (WCAG 1.4.1): the comparator's line is dashed and has square points
 * where the partnership's is solid with round points; the target is a thin dark dashed line
 * labelled "Target". Missing figures leave a gap in the line; a figure with none either side is
 * still drawn as a point. The chart is an image to assistive technology ({@code role="img"}), named
 * by the title and described by the description, which should give the figures in words or point to
 * a table of them.
 *
 * <p>Drawn by JFreeChart onto JFreeSVG's {@code SVGGraphics2D}; every call builds its own chart, so
 * it is safe to use from many threads at once and needs no display ({@code java.awt.headless}).
 * Text is measured with CCR Hub Sans, which has Arial's metrics, and named in the SVG as Arial.
 */
public final class IndicatorChart {

  /** One line on the chart. */
  public record Line(String name, List<@Nullable BigDecimal> values) {

    /**
     * @param name shown in the legend
     * @param values one per label, in the same order; {@code null} where the figure is missing
     */
    public Line {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(values, "values");
      values = Collections.unmodifiableList(new ArrayList<>(values));
    }
  }

  private static final Color BLACK = new Color(0x0b0c0c);
  private static final Color BLUE = new Color(0x1d70b8);
  private static final Color ORANGE = new Color(0xf47738);
  private static final Color DARK_GREY = new Color(0x505a5f);
  private static final Color GRIDLINE = new Color(0xd8dadc);

  /** The partnership solid, the comparator dashed: lines must differ by more than colour. */
  private static final List<Color> COLOURS = List.of(BLUE, ORANGE);

  private static final List<BasicStroke> STROKES =
      List.of(
          new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND),
          new BasicStroke(
              3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {9f, 5f}, 0f));

  private static final String TARGET_LABEL = "Target";

  private static final BasicStroke TARGET_LINE =
      new BasicStroke(
          2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f);

  /** Around the chart, in pixels. */
  private static final int PADDING = 4;

  /** Between the unit above the value axis and the top of the plot, in pixels. */
  private static final int UNIT_GAP = 16;

  /** Beyond this many labels on the horizontal axis only some are shown, evenly spaced. */
  private static final int MOST_LABELS = 12;

  /** Every point gets a marker up to this many points; beyond, only points on their own do. */
  private static final int MOST_MARKED_POINTS = 24;

  private static final String FONT_FAMILY = "Arial, \"Liberation Sans\", Helvetica, sans-serif";

  /** The font text is measured with: CCR Hub Sans (Liberation Sans, Arial's metrics) at 12px. */
  private static final Font FONT = font();

  private static final FontRenderContext MEASURE = new FontRenderContext(null, true, true);

  private IndicatorChart() {}

  /**
   * The chart as an {@code <svg>} element (no XML declaration), {@code width} by {@code height}
   * pixels with a view box so that CSS can scale it, its text as {@code <text>} in Arial.
   *
   * @param title the chart's accessible name, e.g. "Repeat referrals to MARAC, Haringey and London"
   * @param description what the chart shows in words, for those who cannot see it
   * @param labels the points along the horizontal axis, oldest first, e.g. {@code Oct 2016} or
   *     {@code 2016/17 Q2}
   * @param lines one or two lines: the partnership first, then optionally its comparator; each with
   *     one value per label
   * @param target the target, drawn as a horizontal line, or {@code null} for none
   * @param yAxisLabel the unit of the values, e.g. {@code Count} or {@code %}
   */
  public static String svg(
      String title,
      String description,
      List<String> labels,
      List<Line> lines,
      @Nullable BigDecimal target,
      String yAxisLabel,
      int width,
      int height) {
    return svg(title, description, labels, lines, target, yAxisLabel, width, height, false);
  }

  /**
   * As {@link #svg(String, String, List, List, BigDecimal, String, int, int)}, but with {@code
   * textAsShapes} the axis labels, legend and target label are drawn as outlines of CCR Hub Sans
   * instead of {@code <text>}: the SVG is about four times the size and its text cannot be
   * selected, but it looks the same in every renderer whatever fonts it has. Use it for PDFs:
   * openhtmltopdf does not give SVGs the fonts that {@code Documents} embeds, so {@code <text>}
   * falls back to whatever sans-serif font Java finds on the server, which is wider than Arial, so
   * labels can be cut off at the edge.
   */
  public static String svg(
      String title,
      String description,
      List<String> labels,
      List<Line> lines,
      @Nullable BigDecimal target,
      String yAxisLabel,
      int width,
      int height,
      boolean textAsShapes) {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(yAxisLabel, "yAxisLabel");
    if (lines.isEmpty() || lines.size() > COLOURS.size()) {
      throw new IllegalArgumentException("A chart has one or two lines, not " + lines.size());
    }
    for (Line line : lines) {
      if (line.values().size() != labels.size()) {
        throw new IllegalArgumentException(
            "The line '"
                + line.name()
                + "' has "
                + line.values().size()
                + " values for "
                + labels.size()
                + " labels");
      }
    }
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("A chart must be at least 1 by 1 pixel");
    }

    String id = "indicator-chart-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    JFreeChart chart = chart(labels, lines, target, width, height);
    SVGGraphics2D g2 = new SVGGraphics2D(width, height);
    g2.setDefsKeyPrefix(id + "-");
    g2.setFontFunction(family -> FONT_FAMILY);
    g2.setGeomDoubleConverter(IndicatorChart::hundredths);
    if (textAsShapes) {
      g2.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_VECTOR);
    }
    ChartRenderingInfo drawn = new ChartRenderingInfo(null);
    chart.draw(g2, new Rectangle2D.Double(0, 0, width, height), drawn);
    Rectangle2D dataArea = drawn.getPlotInfo().getDataArea();
    labelValueAxis(g2, dataArea, xmlText(yAxisLabel));
    if (target != null) {
      labelTarget(g2, chart.getXYPlot(), dataArea, target);
    }
    String svg = g2.getSVGElement(null, false, new ViewBox(0, 0, width, height), null, null);
    return accessible(svg, id, title, description, width, height);
  }

  /** The unit above the value axis, level, as the GSS guidance on charts prefers. */
  private static void labelValueAxis(Graphics2D g2, Rectangle2D dataArea, String unit) {
    g2.setFont(FONT);
    g2.setPaint(BLACK);
    g2.drawString(unit, (float) PADDING, (float) (dataArea.getMinY() - UNIT_GAP));
  }

  /** "Target" to the right of the plot, level with the target line. */
  private static void labelTarget(
      Graphics2D g2, XYPlot plot, Rectangle2D dataArea, BigDecimal target) {
    double y =
        plot.getRangeAxis().valueToJava2D(target.doubleValue(), dataArea, RectangleEdge.LEFT);
    g2.setFont(FONT);
    g2.setPaint(BLACK);
    TextUtils.drawAlignedString(
        TARGET_LABEL, g2, (float) dataArea.getMaxX() + 6, (float) y, TextAnchor.HALF_ASCENT_LEFT);
  }

  private static JFreeChart chart(
      List<String> labels, List<Line> lines, @Nullable BigDecimal target, int width, int height) {
    XYSeriesCollection dataset = new XYSeriesCollection();
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      XYSeries series = new XYSeries(new SeriesKey(i, xmlText(line.name())), false, true);
      for (int x = 0; x < labels.size(); x++) {
        BigDecimal value = line.values().get(x);
        series.add(x, value == null ? null : value.doubleValue());
      }
      dataset.addSeries(series);
    }

    LabelledAxis xAxis = new LabelledAxis(labels.stream().map(IndicatorChart::xmlText).toList());
    xAxis.setTickLabelFont(FONT);
    xAxis.setTickLabelPaint(BLACK);
    xAxis.setAxisLinePaint(DARK_GREY);
    xAxis.setTickMarkPaint(DARK_GREY);
    double ends = labels.size() <= 1 ? 0.5 : Math.max(0.3, (labels.size() - 1) * 0.02);
    xAxis.setRange(-ends, Math.max(0, labels.size() - 1) + ends);
    xAxis.setStep(step(labels, width));

    NumberAxis yAxis = new NumberAxis();
    yAxis.setTickLabelFont(FONT);
    yAxis.setTickLabelPaint(BLACK);
    yAxis.setAxisLineVisible(false);
    yAxis.setTickMarksVisible(false);
    scale(yAxis, lines, target, height);

    XYLineAndShapeRenderer renderer = new MarkedPoints(dataset, labels.size());
    renderer.setDrawSeriesLineAsPath(true);
    renderer.setLegendLine(new Line2D.Double(-14, 0, 14, 0));
    renderer.setDefaultShapesFilled(true);
    renderer.setDrawOutlines(false);
    for (int i = 0; i < lines.size(); i++) {
      renderer.setSeriesPaint(i, COLOURS.get(i));
      renderer.setSeriesStroke(i, STROKES.get(i));
      renderer.setSeriesShape(i, point(i));
    }

    XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    // The partnership's line on top of its comparator's.
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.REVERSE);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinePaint(GRIDLINE);
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    // Room on the right for half the last label, or for the target's label.
    double right = width(labels.isEmpty() ? "" : labels.get(labels.size() - 1)) / 2;
    if (target != null) {
      plot.addRangeMarker(
          new ValueMarker(target.doubleValue(), BLACK, TARGET_LINE), Layer.BACKGROUND);
      right = Math.max(right, width(TARGET_LABEL) + 10);
    }
    plot.setInsets(new RectangleInsets(UNIT_GAP + FONT.getSize2D() + 4, 0, 4, Math.max(8, right)));

    JFreeChart chart = new JFreeChart(null, FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setBorderVisible(false);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.setPadding(new RectangleInsets(PADDING, PADDING, PADDING, PADDING));
    LegendTitle legend = chart.getLegend();
    legend.setPosition(RectangleEdge.BOTTOM);
    legend.setFrame(BlockBorder.NONE);
    legend.setBackgroundPaint(Color.WHITE);
    legend.setItemFont(FONT);
    legend.setItemPaint(BLACK);
    legend.setItemLabelPadding(new RectangleInsets(2, 6, 2, 16));
    legend.setMargin(new RectangleInsets(10, 0, 0, 0));
    return chart;
  }

  /**
   * From zero or below to the largest figure or the target, in 2 to 6 steps of 1, 2, 2.5 or 5 times
   * a power of ten (whole steps for whole figures), with a little room at either end if a line
   * touches it, so that its points are not cut in half.
   */
  private static void scale(
      NumberAxis axis, List<Line> lines, @Nullable BigDecimal target, int height) {
    List<BigDecimal> figures = new ArrayList<>();
    lines.forEach(line -> line.values().stream().filter(Objects::nonNull).forEach(figures::add));
    double least = figures.stream().mapToDouble(BigDecimal::doubleValue).min().orElse(0);
    double most = figures.stream().mapToDouble(BigDecimal::doubleValue).max().orElse(0);
    double low = Math.min(0, least);
    double high = Math.max(0, most);
    if (target != null) {
      low = Math.min(low, target.doubleValue());
      high = Math.max(high, target.doubleValue());
    }
    boolean whole =
        figures.stream().allMatch(IndicatorChart::whole) && (target == null || whole(target));
    if (high == low) {
      high = low + (whole ? 5 : 1);
    }
    int steps = Math.max(2, Math.min(6, (height - 90) / 45));
    double step = niceStep((high - low) / steps, whole);
    double lower = Math.floor(low / step) * step;
    double upper = Math.ceil(high / step) * step;
    double room = (upper - lower) * 0.03;
    if (!figures.isEmpty() && least < lower + room) {
      lower -= room;
    }
    if (!figures.isEmpty() && most > upper - room) {
      upper += room;
    }
    axis.setRange(lower, upper);
    DecimalFormat format =
        new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.UK));
    axis.setTickUnit(new NumberTickUnit(step, format));
  }

  /** A new shape each time: Java's shapes can be changed, so they must not be shared. */
  private static Shape point(int line) {
    return line == 0 ? new Ellipse2D.Double(-4, -4, 8, 8) : new Rectangle2D.Double(-4, -4, 8, 8);
  }

  /** The least of 1, 2, 2.5, 5 and 10 times a power of ten that is at least the rough step. */
  private static double niceStep(double rough, boolean whole) {
    double power = Math.pow(10, Math.floor(Math.log10(rough)));
    for (double multiple : new double[] {1, 2, 2.5, 5, 10}) {
      double step = multiple * power;
      if (step >= rough && (!whole || step == Math.rint(step))) {
        return whole ? Math.max(step, 1) : step;
      }
    }
    return 10 * power;
  }

  private static boolean whole(BigDecimal figure) {
    return figure.signum() == 0 || figure.stripTrailingZeros().scale() <= 0;
  }

  /** Show every {@code step}th label so that no two labels overlap and there are at most 12. */
  private static int step(List<String> labels, int width) {
    if (labels.isEmpty()) {
      return 1;
    }
    double widest = labels.stream().mapToDouble(IndicatorChart::width).max().orElse(0);
    double plotWidth = Math.max(1, width - 80);
    double perLabel = plotWidth / labels.size();
    int apart = (int) Math.ceil((widest + 12) / perLabel);
    int fewEnough = (int) Math.ceil(labels.size() / (double) MOST_LABELS);
    return Math.max(1, Math.max(apart, fewEnough));
  }

  /** A coordinate to the nearest hundredth of a pixel, without trailing zeros: {@code 12.5}. */
  private static String hundredths(double coordinate) {
    if (!Double.isFinite(coordinate)) {
      return "0";
    }
    long hundredths = Math.round(coordinate * 100);
    StringBuilder text = new StringBuilder(12);
    if (hundredths < 0) {
      text.append('-');
      hundredths = -hundredths;
    }
    text.append(hundredths / 100);
    long fraction = hundredths % 100;
    if (fraction != 0) {
      text.append('.').append(fraction / 10);
      if (fraction % 10 != 0) {
        text.append(fraction % 10);
      }
    }
    return text.toString();
  }

  private static double width(String text) {
    return FONT.getStringBounds(text, MEASURE).getWidth();
  }

  /**
   * The SVG's root element given its size in whole pixels, which openhtmltopdf needs, and its text
   * alternative: a title and description as its first children, and the same as an {@code alt}
   * attribute, which openhtmltopdf makes the alternate text of the PDF's figure (PDF/UA); browsers
   * and assistive technology ignore {@code alt} on {@code <svg>}.
   */
  private static String accessible(
      String svg, String id, String title, String description, int width, int height) {
    int rootEnd = svg.indexOf('>');
    return svg.substring(0, rootEnd)
        + " width=\""
        + width
        + "\" height=\""
        + height
        + "\" role=\"img\" aria-labelledby=\""
        + id
        + "-title "
        + id
        + "-desc\" focusable=\"false\" alt=\""
        + escape(alternative(title, description))
        + "\">"
        + "<title id=\""
        + id
        + "-title\">"
        + escape(title)
        + "</title><desc id=\""
        + id
        + "-desc\">"
        + escape(description)
        + "</desc>"
        + svg.substring(rootEnd + 1);
  }

  /** Title and description in one, for the PDF. */
  private static String alternative(String title, String description) {
    if (description.isBlank()) {
      return title;
    }
    return title.matches("(?s).*[.!?:]\\s*")
        ? title.strip() + " " + description
        : title + ". " + description;
  }

  /** The text with XML's special characters escaped and characters XML cannot hold removed. */
  private static String escape(String text) {
    String clean = xmlText(text);
    StringBuilder escaped = new StringBuilder(clean.length() + 16);
    for (int i = 0; i < clean.length(); i++) {
      char c = clean.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&apos;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /** The text without the control characters that XML 1.0 does not allow. */
  private static String xmlText(String text) {
    StringBuilder clean = new StringBuilder(text.length());
    text.codePoints()
        .filter(
            c ->
                c == 0x9
                    || c == 0xA
                    || c == 0xD
                    || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || c >= 0x10000)
        .forEach(clean::appendCodePoint);
    return clean.toString();
  }

  private static Font font() {
    String file = "/org/ccrhub/documents/fonts/CCRHubSans-Regular.ttf";
    try (InputStream in = IndicatorChart.class.getResourceAsStream(file)) {
      if (in != null) {
        Font font = Font.createFont(Font.TRUETYPE_FONT, in);
        // Text drawn as shapes is laid out by font name, so the name must be known to Java.
        GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
        return font.deriveFont(12f);
      }
    } catch (IOException | FontFormatException e) {
      // Fall back to the JDK's sans-serif font, whose metrics are close enough.
    }
    return new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  }

  /** A series, named in the legend; two lines may share a name. */
  private record SeriesKey(int index, String name) implements Comparable<SeriesKey> {
    @Override
    public int compareTo(SeriesKey other) {
      return Integer.compare(index, other.index);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** The horizontal axis: point {@code i} labelled {@code labels[i]}, every step-th shown. */
  private static final class LabelledAxis extends NumberAxis {
    private final List<String> labels;
    private int step = 1;

    LabelledAxis(List<String> labels) {
      this.labels = labels;
      setAutoRange(false);
    }

    void setStep(int step) {
      this.step = step;
    }

    @Override
    public List<NumberTick> refreshTicks(
        Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
      List<NumberTick> ticks = new ArrayList<>();
      // Count back from the latest point, so that it is always labelled.
      for (int i = labels.size() - 1; i >= 0; i -= step) {
        ticks.add(0, new NumberTick(i, labels.get(i), TextAnchor.TOP_CENTER, TextAnchor.CENTER, 0));
      }
      return ticks;
    }
  }

  /**
   * Marks every point of a short series; of a long one only the points with no neighbour, which a
   * line alone would not show.
   */
  private static final class MarkedPoints extends XYLineAndShapeRenderer {
    private final transient XYSeriesCollection dataset;
    private final int points;

    MarkedPoints(XYSeriesCollection dataset, int points) {
      super(true, true);
      this.dataset = dataset;
      this.points = points;
    }

    @Override
    public boolean getItemShapeVisible(int series, int item) {
      if (points <= MOST_MARKED_POINTS) {
        return true;
      }
      return !present(series, item - 1) && !present(series, item + 1);
    }

    private boolean present(int series, int item) {
      return item >= 0 && item < points && dataset.getSeries(series).getY(item) != null;
    }
  }
}
