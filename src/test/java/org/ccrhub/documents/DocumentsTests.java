package org.ccrhub.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgExternalResourceMode;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgScriptMode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentsTests {

  @TempDir Path folder;

  @Test
  void drawsInlineSvgsButNoImageTheyAskForFromAFile() throws IOException {
    Path red = folder.resolve("red.png");
    BufferedImage square = new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB);
    Graphics2D g2 = square.createGraphics();
    g2.setColor(Color.RED);
    g2.fillRect(0, 0, 50, 50);
    g2.dispose();
    ImageIO.write(square, "png", red.toFile());
    String xhtml =
        """
        <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
        <head><title>SVG</title><style>@page { size: A4; margin: 15mm }</style></head>
        <body>
        <svg xmlns="http://www.w3.org/2000/svg" width="200" height="200" alt="A blue square">
          <rect x="0" y="0" width="200" height="200" fill="#1d70b8"/>
        </svg>
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
             width="200" height="200" alt="A picture">
          <image x="0" y="0" width="200" height="200" xlink:href="%s"/>
        </svg>
        </body>
        </html>
        """
            .formatted(red.toUri());

    // Were external resources allowed, the picture would be drawn...
    assertThat(pixels(pdfLoadingAnything(xhtml, folder), Color.RED)).isGreaterThan(1000);

    byte[] pdf = Documents.fromClasspath().pdf(xhtml);

    assertThat(pixels(pdf, new Color(0x1d70b8))).isGreaterThan(1000);
    // ...but they are not: Batik refuses the picture, and openhtmltopdf then leaves out its SVG.
    assertThat(pixels(pdf, Color.RED)).isZero();
  }

  @Test
  void makesThePdfOfTextHoldingCharactersThatNoXmlDocumentMayHold() throws IOException {
    // Text kept before input was cleaned of them: a paste with U+FFFE, or half a surrogate pair.
    String xhtml =
        """
        <html lang="en"><head><title>Odd text</title>
        <style>html { font-family: "CCR Hub Sans" }</style></head>
        <body><p>Refuge \uFFFEspaces\uD800 for \uFFFF12 women</p></body></html>
        """;

    byte[] pdf = Documents.fromClasspath().pdf(xhtml);

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(new PDFTextStripper().getText(document)).contains("Refuge spaces for 12 women");
    }
  }

  @Test
  void tagsEveryRunOfTextOnEveryPageWithAnMcidOfItsOwn() throws IOException {
    StringBuilder rows = new StringBuilder();
    for (int i = 1; i <= 120; i++) {
      rows.append("<tr><td>%d</td><td>Action %d, with words that wrap</td></tr>".formatted(i, i));
    }
    String xhtml =
        """
        <html lang="en"><head><title>Tagged</title>
        <style>@page { size: A4; margin: 15mm } html { font-family: "CCR Hub Sans" }
          td { border: 1px solid #b1b4b6 }</style></head>
        <body><h1>Actions</h1><table><tbody>%s</tbody></table></body></html>
        """
            .formatted(rows);

    byte[] pdf = Documents.fromClasspath().pdf(xhtml);

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isGreaterThan(1);
      assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
      int spans = 0;
      for (PDPage page : document.getPages()) {
        Set<Integer> mcids = new HashSet<>();
        List<Object> tokens = new PDFStreamParser(page).parse();
        for (int t = 0; t < tokens.size(); t++) {
          if (tokens.get(t) instanceof Operator op && op.getName().equals("BDC")) {
            COSName tag = (COSName) tokens.get(t - 2);
            // The properties are written inline (<</MCID 3>>) or named in the page's resources.
            COSDictionary properties =
                tokens.get(t - 1) instanceof COSName name
                    ? page.getResources().getProperties(name).getCOSObject()
                    : (COSDictionary) tokens.get(t - 1);
            if (tag.getName().equals("Span")) {
              spans++;
              int mcid = properties.getInt(COSName.MCID);
              assertThat(mcid).isNotNegative();
              assertThat(mcids.add(mcid)).as("MCID %d once on its page", mcid).isTrue();
            }
          }
        }
      }
      assertThat(spans).isGreaterThan(240);
    }
  }

  private static byte[] pdfLoadingAnything(String xhtml, Path base) throws IOException {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useSVGDrawer(
          new BatikSVGDrawer(
              SvgScriptMode.SECURE,
              SvgExternalResourceMode.INSECURE_ALLOW_EXTERNAL_RESOURCE_REQUESTS));
      builder.withHtmlContent(xhtml, base.toUri().toString());
      builder.toStream(bytes);
      builder.run();
      return bytes.toByteArray();
    }
  }

  private static long pixels(byte[] pdf, Color colour) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      BufferedImage page = new PDFRenderer(document).renderImage(0, 1f);
      long count = 0;
      for (int y = 0; y < page.getHeight(); y++) {
        for (int x = 0; x < page.getWidth(); x++) {
          Color pixel = new Color(page.getRGB(x, y));
          if (Math.abs(pixel.getRed() - colour.getRed()) < 24
              && Math.abs(pixel.getGreen() - colour.getGreen()) < 24
              && Math.abs(pixel.getBlue() - colour.getBlue()) < 24) {
            count++;
          }
        }
      }
      return count;
    }
  }
}
