package org.ccrhub.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.ccrhub.documents.Documents;
import org.ccrhub.indicators.IndicatorChart.Line;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class IndicatorChartTests {

  private static final String BLUE = "rgb(29,112,184)";
  private static final String ORANGE = "rgb(244,119,56)";
  private static final String BLACK = "rgb(11,12,12)";

  private static final List<String> QUARTERS =
      List.of("2015/16 Q3", "2015/16 Q4", "2016/17 Q1", "2016/17 Q2", "2016/17 Q3", "2016/17 Q4");

  private static final Line HARINGEY = new Line("Haringey", figures(12, 15, null, 18, 21, 19));
  private static final Line LONDON = new Line("London average", figures(14, 14, 16, 17, 17, 18));

  @Test
  void isAnImageNamedByItsTitleAndDescribedByItsDescription() throws Exception {
    String svg =
        IndicatorChart.svg(
            "Repeat referrals <MARAC> & \"others\"",
            "Haringey's rate rose from 12 to 19 & London's from 14 to 18",
            QUARTERS,
            List.of(HARINGEY, LONDON),
            null,
            "Count",
            640,
            320);

    assertThat(svg).startsWith("<svg").doesNotContain("<?xml");
    Element root = parse(svg);
    assertThat(root.getAttribute("role")).isEqualTo("img");
    assertThat(root.getAttribute("focusable")).isEqualTo("false");
    assertThat(root.getAttribute("width")).isEqualTo("640");
    assertThat(root.getAttribute("height")).isEqualTo("320");
    Element title = (Element) root.getFirstChild();
    Element desc = (Element) title.getNextSibling();
    assertThat(title.getTagName()).isEqualTo("title");
    assertThat(title.getTextContent()).isEqualTo("Repeat referrals <MARAC> & \"others\"");
    assertThat(desc.getTagName()).isEqualTo("desc");
    assertThat(desc.getTextContent())
        .isEqualTo("Haringey's rate rose from 12 to 19 & London's from 14 to 18");
    assertThat(root.getAttribute("aria-labelledby").split(" "))
        .containsExactly(title.getAttribute("id"), desc.getAttribute("id"));
    assertThat(svg).contains("Repeat referrals &lt;MARAC&gt; &amp; &quot;others&quot;");
  }

  @Test
  void givesEveryChartItsOwnIds() {
    String one = sample();
    String other = sample();

    assertThat(ids(one)).doesNotContainAnyElementsOf(ids(other));
  }

  @Test
  void drawsEachLineAsOnePathInItsColourTheComparatorDashed() throws Exception {
    Element root = parse(sample());

    List<Element> blue = linePaths(root, BLUE);
    List<Element> orange = linePaths(root, ORANGE);
    assertThat(blue).hasSize(1);
    assertThat(orange).hasSize(1);
    assertThat(style(blue.get(0))).doesNotContain("stroke-dasharray");
    assertThat(style(orange.get(0))).contains("stroke-dasharray");
  }

  @Test
  void leavesAGapWhereAFigureIsMissing() throws Exception {
    Element root = parse(sample());

    assertThat(subpaths(linePaths(root, BLUE).get(0))).containsExactly(2, 3);
    assertThat(subpaths(linePaths(root, ORANGE).get(0))).containsExactly(6);
  }

  @Test
  void marksAFigureWithNoNeighboursAsAPointOfItsOwn() throws Exception {
    List<String> months = IntStream.range(0, 40).mapToObj(i -> "M" + i).toList();
    List<BigDecimal> values = new ArrayList<>(figures(new Integer[40]));
    values.set(5, BigDecimal.ONE);
    values.set(20, BigDecimal.valueOf(2));
    values.set(21, BigDecimal.TEN);

    Element root =
        parse(
            IndicatorChart.svg(
                "t", "d", months, List.of(new Line("Haringey", values)), null, "Count", 640, 320));

    // A line needs two points: the pair is joined, the point on its own left out...
    assertThat(subpaths(linePaths(root, BLUE).get(0))).containsExactly(2);
    // ...and marked instead, besides the legend's marker.
    assertThat(filledShapes(root, BLUE)).hasSize(2);
  }

  @Test
  void drawsTheTargetAsADarkDashedLineLabelledTarget() throws Exception {
    String svg =
        IndicatorChart.svg(
            "t", "d", QUARTERS, List.of(HARINGEY), new BigDecimal("30"), "Count", 640, 320);

    Element root = parse(svg);
    List<Element> targets =
        elements(root, "line").stream()
            .filter(l -> style(l).contains("stroke:" + BLACK))
            .filter(l -> style(l).contains("stroke-dasharray"))
            .toList();
    assertThat(targets).hasSize(1);
    assertThat(texts(root)).contains("Target");
  }

  @Test
  void labelsAtMostTwelvePointsOfAManyPointAxisIncludingTheLatest() throws Exception {
    List<String> months =
        IntStream.range(0, 120).mapToObj(i -> "Month " + (i + 1) + " of 120").toList();
    List<BigDecimal> values = IntStream.range(0, 120).mapToObj(BigDecimal::valueOf).toList();

    Element root =
        parse(
            IndicatorChart.svg(
                "t", "d", months, List.of(new Line("Haringey", values)), null, "Count", 800, 300));

    List<String> shown = texts(root).stream().filter(t -> t.startsWith("Month")).toList();
    assertThat(shown).hasSizeBetween(2, 12).contains("Month 120 of 120");
  }

  @Test
  void namesTheLinesInALegendAndTheUnitOnTheValueAxis() throws Exception {
    Element root = parse(sample());

    assertThat(texts(root))
        .startsWith("Haringey", "London average")
        .contains("Count", "2016/17 Q4");
  }

  @Test
  void drawsTextAsShapesWhenAsked() throws Exception {
    String svg =
        IndicatorChart.svg(
            "Title", "Description", QUARTERS, List.of(HARINGEY), null, "Count", 640, 320, true);

    Element root = parse(svg);
    assertThat(elements(root, "text")).isEmpty();
    assertThat(root.getFirstChild().getTextContent()).isEqualTo("Title");
    assertThat(linePaths(root, BLUE)).hasSize(1);
  }

  @Test
  void refusesLinesThatDoNotMatchTheLabels() {
    Line short1 = new Line("Haringey", figures(1, 2));

    assertThatThrownBy(
            () -> IndicatorChart.svg("t", "d", QUARTERS, List.of(short1), null, "Count", 640, 320))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Haringey' has 2 values for 6 labels");
  }

  @Test
  void drawsInAPdfWithItsTitleAsTheFiguresAlternateText() throws IOException {
    String chart =
        IndicatorChart.svg(
            "Repeat referrals & MARAC",
            "Rose from 12 to 19",
            QUARTERS,
            List.of(HARINGEY, LONDON),
            new BigDecimal("20"),
            "Count",
            680,
            340,
            true);
    String xhtml =
        """
        <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
        <head><title>Chart</title>
        <style>@page { size: A4; margin: 15mm } body { font-family: 'CCR Hub Sans' }</style>
        </head>
        <body><h1>Repeat referrals</h1>%s</body>
        </html>
        """
            .formatted(chart);

    byte[] pdf = Documents.fromClasspath().pdf(xhtml);

    try (PDDocument document = Loader.loadPDF(pdf)) {
      BufferedImage page = new PDFRenderer(document).renderImage(0, 1f);
      assertThat(pixelsNear(page, 0x1d70b8)).isGreaterThan(300);
      assertThat(pixelsNear(page, 0xf47738)).isGreaterThan(100);
      assertThat(figureAlternateTexts(document.getDocumentCatalog().getStructureTreeRoot()))
          .contains("Repeat referrals & MARAC. Rose from 12 to 19");
    }
  }

  private static String sample() {
    return IndicatorChart.svg(
        "Repeat referrals",
        "Haringey and London",
        QUARTERS,
        List.of(HARINGEY, LONDON),
        null,
        "Count",
        640,
        320);
  }

  private static List<BigDecimal> figures(Integer... values) {
    return Arrays.stream(values).map(v -> v == null ? null : BigDecimal.valueOf(v)).toList();
  }

  private static Element parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document document =
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    return document.getDocumentElement();
  }

  private static List<Element> elements(Element root, String name) {
    NodeList nodes = root.getElementsByTagNameNS("*", name);
    return IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i)).toList();
  }

  private static List<String> ids(String svg) {
    return Pattern.compile("id=[\"']([^\"']+)[\"']")
        .matcher(svg)
        .results()
        .map(m -> m.group(1))
        .toList();
  }

  /** An element's style with that of the group it is drawn in, where JFreeSVG puts it. */
  private static String style(Element element) {
    Node parent = element.getParentNode();
    String inherited = parent instanceof Element group ? group.getAttribute("style") : "";
    return inherited + ";" + element.getAttribute("style");
  }

  /** The stroked, unfilled paths of a colour, but for the legend's sample of the line. */
  private static List<Element> linePaths(Element root, String colour) {
    return elements(root, "path").stream()
        .filter(p -> style(p).contains("stroke:" + colour) && style(p).contains("fill:none"))
        .filter(p -> !isLegendSample(p.getAttribute("d")))
        .toList();
  }

  /** The legend's sample of a line: one level stroke 28 pixels long. */
  private static boolean isLegendSample(String d) {
    Matcher m = Pattern.compile("M([\\d.]+),([\\d.]+)L([\\d.]+),([\\d.]+)").matcher(d);
    return m.matches()
        && m.group(2).equals(m.group(4))
        && Math.abs(Double.parseDouble(m.group(3)) - Double.parseDouble(m.group(1)) - 28) < 0.01;
  }

  private static List<Element> filledShapes(Element root, String colour) {
    return elements(root, "path").stream()
        .filter(p -> style(p).contains("fill:" + colour))
        .toList();
  }

  /** The number of points in each piece of a path. */
  private static List<Integer> subpaths(Element path) {
    return Arrays.stream(path.getAttribute("d").split("M"))
        .filter(s -> !s.isBlank())
        .map(s -> s.split("L").length)
        .toList();
  }

  private static List<String> texts(Element root) {
    return elements(root, "text").stream().map(Node::getTextContent).toList();
  }

  private static long pixelsNear(BufferedImage image, int rgb) {
    long near = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int pixel = image.getRGB(x, y);
        if (Math.abs(((pixel >> 16) & 0xff) - ((rgb >> 16) & 0xff)) < 24
            && Math.abs(((pixel >> 8) & 0xff) - ((rgb >> 8) & 0xff)) < 24
            && Math.abs((pixel & 0xff) - (rgb & 0xff)) < 24) {
          near++;
        }
      }
    }
    return near;
  }

  private static List<String> figureAlternateTexts(PDStructureNode node) {
    List<String> texts = new ArrayList<>();
    for (Object kid : node.getKids()) {
      if (kid instanceof PDStructureElement element) {
        if ("Figure".equals(element.getStructureType())
            && element.getAlternateDescription() != null) {
          texts.add(element.getAlternateDescription());
        }
        texts.addAll(figureAlternateTexts(element));
      }
    }
    return texts;
  }
}
