package org.ccrhub.documents;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a Thymeleaf template outside a web request, to a standalone HTML page or to a PDF. The
 * PDF is laid out from the same HTML by openhtmltopdf, so a template for both must be well-formed
 * XHTML (void elements self-closed, no named entities other than XML's) and carry its own print CSS
 * with an {@code @page} rule: A4, the protective marking, page numbers. No external resource is
 * ever loaded: templates embed their CSS and the PDF fonts come with this module.
 *
 * <p>The PDF embeds CCR Hub Sans, Liberation Sans without its OpenType layout tables (metrically
 * compatible with Arial and Helvetica; SIL Open Font License; see the fonts folder's README), so
 * any Latin text, en dashes, pound signs and curly quotes render as written, quickly. Templates
 * name it in CSS as {@value #FONT}.
 */
@Service
public class Documents {

  /** The font family the PDF embeds. */
  public static final String FONT = "CCR Hub Sans";

  /** openhtmltopdf reports every step at INFO: keep only its warnings. */
  static {
    for (String logger : com.openhtmltopdf.util.XRLog.listRegisteredLoggers()) {
      com.openhtmltopdf.util.XRLog.setLevel(logger, java.util.logging.Level.WARNING);
    }
  }

  private static final String FONTS = "/org/ccrhub/documents/fonts/";

  /** Relative references in a document resolve against this, and are refused anyway. */
  private static final String BASE_URI = "about:blank";

  private final ITemplateEngine templates;

  /** With Spring's template engine, which resolves {@code templates/NAME.html}. */
  public Documents(ITemplateEngine templates) {
    this.templates = templates;
  }

  /**
   * Documents from the templates on the class path ({@code templates/NAME.html}), without Spring:
   * for tests and tools.
   */
  public static Documents fromClasspath() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return new Documents(engine);
  }

  /**
   * The template rendered with the model to a complete HTML document.
   *
   * @param template the template's name, e.g. {@code plans/exception-report-document}
   */
  public String html(String template, Map<String, Object> model) {
    return templates.process(template, new Context(Locale.UK, model));
  }

  /** The template rendered with the model and laid out as a PDF by its own print CSS. */
  public byte[] pdf(String template, Map<String, Object> model) {
    return pdf(html(template, model));
  }

  /** A well-formed XHTML document laid out as a PDF by its own print CSS. */
  public byte[] pdf(String xhtml) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.usePdfUaAccessibility(true);
      builder.withProducer("CCR Hub");
      builder.useSVGDrawer(new BatikSVGDrawer());
      builder.usePageSupplier(Documents::page);
      builder.useFont(() -> font("CCRHubSans-Regular.ttf"), FONT, 400, FontStyle.NORMAL, true);
      builder.useFont(() -> font("CCRHubSans-Bold.ttf"), FONT, 700, FontStyle.NORMAL, true);
      builder.useExternalResourceAccessControl(
          (uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
      builder.useExternalResourceAccessControl(
          (uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
      builder.withHtmlContent(xhtml, BASE_URI);
      builder.toStream(bytes);
      builder.run();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A new page, as openhtmltopdf would make it, whose marked-content property lists are kept in a
   * {@link PropertyLists}.
   */
  private static PDPage page(
      PDDocument document, float width, float height, int pageNumber, int shadowPageNumber) {
    PDPage page = new PDPage(new PDRectangle(width, height));
    PDResources resources = new PDResources();
    resources.getCOSObject().setItem(COSName.PROPERTIES, new PropertyLists());
    page.setResources(resources);
    document.addPage(page);
    return page;
  }

  /**
   * A page's dictionary of marked-content property lists that knows its values without searching.
   * For PDF/UA, openhtmltopdf gives every tagged run of text and every cell background a property
   * list of its own (its MCID, or its bounding box), and before adding one PDFBox asks the page's
   * dictionary whether it holds it already, which was a search through every list on the page: a
   * page with n tagged items took n² steps, a tenth of the time of a long exception report. Values
   * only ever come in through {@link #setItem(COSName, COSBase)}; should PDFBox add one some other
   * way, the worst that happens is a list is added twice under two names.
   */
  static final class PropertyLists extends COSDictionary {

    private final Set<COSBase> values = Collections.newSetFromMap(new IdentityHashMap<>());

    @Override
    public void setItem(COSName key, COSBase value) {
      super.setItem(key, value);
      if (value != null) {
        values.add(value);
      }
    }

    @Override
    public boolean containsValue(Object value) {
      return values.contains(value);
    }
  }

  private static InputStream font(String file) {
    InputStream in = Documents.class.getResourceAsStream(FONTS + file);
    if (in == null) {
      throw new IllegalStateException("The font " + file + " is missing from " + FONTS);
    }
    return in;
  }
}
