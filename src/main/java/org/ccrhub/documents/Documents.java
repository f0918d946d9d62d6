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
import java.util.Locale;
import java.util.Map;
import org.ccrhub.shared.PlainText;
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

  /**
   * A well-formed XHTML document laid out as a PDF by its own print CSS. Characters no XML document
   * may hold, which text kept before {@link PlainText#clean} removed them could bring, are left
   * out.
   */
  public byte[] pdf(String xhtml) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.usePdfUaAccessibility(true);
      builder.withProducer("CCR Hub");
      builder.useSVGDrawer(new BatikSVGDrawer());
      builder.useFont(() -> font("CCRHubSans-Regular.ttf"), FONT, 400, FontStyle.NORMAL, true);
      builder.useFont(() -> font("CCRHubSans-Bold.ttf"), FONT, 700, FontStyle.NORMAL, true);
      builder.useExternalResourceAccessControl(
          (uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
      builder.useExternalResourceAccessControl(
          (uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
      builder.withHtmlContent(PlainText.forXml(xhtml), BASE_URI);
      builder.toStream(bytes);
      builder.run();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
