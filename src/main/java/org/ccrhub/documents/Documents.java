package org.ccrhub.documents;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.ccrhub.shared.BusyException;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.PlainText;
import org.ccrhub.shared.TooLargeException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
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
 *
 * <p>Laying a document out takes memory in proportion to its text and markup: about 150 to 200
 * bytes of heap for each character of XHTML, all held until the PDF is written (a 2,000-line
 * exception report of 1.7 million characters needs over 200 MB). So a PDF is refused with a {@link
 * TooLargeException}, before its HTML is even finished, when it is longer than {@code
 * ccr.documents.max-pdf-characters}: unset, what the heap above 128 MB holds at 200 bytes a
 * character (about 670,000 characters, some 800 lines of an exception report, with 256 MB; 2
 * million with 512 MB). And it is laid out only when the heap has room for it now ({@link
 * HeapRoom}: beyond what the last collection left in use, such as the plans kept for their pages,
 * and the PDFs being laid out); otherwise it waits up to {@code ccr.documents.max-wait}, then is
 * refused with a {@link BusyException}.
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

  /** The heap kept for everything but laying out PDFs, and what a character of XHTML takes. */
  private static final long RESERVED_HEAP = 128L * 1024 * 1024;

  private static final int HEAP_PER_CHARACTER = 200;

  private static final String TOO_LONG =
      "This document is too long to make as a PDF: make it as a web page or spreadsheet instead.";

  private static final String NO_ROOM =
      "The server does not have the memory free to make this PDF just now. Try again in a few"
          + " minutes, or download it as a spreadsheet or web page instead.";

  private final ITemplateEngine templates;
  private final ApplicationContext beans;
  private final int maxPdfCharacters;
  private final HeapRoom room;
  private final MeterRegistry meters;

  /**
   * With Spring's template engine, which resolves {@code templates/NAME.html}, and the
   * application's beans, which templates reach as {@code @name} (e.g. {@code @dates}) as web pages
   * do.
   */
  @Autowired
  Documents(
      ITemplateEngine templates,
      ApplicationContext beans,
      @Value("${ccr.documents.max-pdf-characters:0}") int maxPdfCharacters,
      @Value("${ccr.documents.max-wait:5s}") Duration maxWait,
      ObjectProvider<MeterRegistry> meters) {
    this(
        templates,
        beans,
        maxPdfCharacters,
        maxWait,
        meters.getIfAvailable(SimpleMeterRegistry::new));
  }

  private Documents(
      ITemplateEngine templates,
      ApplicationContext beans,
      int maxPdfCharacters,
      Duration maxWait,
      MeterRegistry meters) {
    this.templates = templates;
    this.beans = beans;
    this.maxPdfCharacters =
        maxPdfCharacters > 0 ? maxPdfCharacters : fromHeap(Runtime.getRuntime().maxMemory());
    this.room = new HeapRoom(maxWait);
    this.meters = meters;
  }

  /** With the given template engine and the bound that follows the heap. */
  public Documents(ITemplateEngine templates) {
    this(templates, templateBeans(), 0, Duration.ofSeconds(5), new SimpleMeterRegistry());
  }

  /** Without Spring: the beans templates use, {@code @dates}. */
  private static ApplicationContext templateBeans() {
    StaticApplicationContext beans = new StaticApplicationContext();
    beans.registerSingleton("dates", Dates.class);
    beans.refresh();
    return beans;
  }

  /** The characters of XHTML the heap has room to lay out at once, beyond what the rest needs. */
  static int fromHeap(long maxHeap) {
    long characters = (maxHeap - RESERVED_HEAP) / HEAP_PER_CHARACTER;
    return (int) Math.max(256 * 1024, Math.min(characters, Integer.MAX_VALUE / 2));
  }

  /** The longest PDF, in characters of XHTML. */
  public int maxPdfCharacters() {
    return maxPdfCharacters;
  }

  /**
   * Documents from the templates on the class path ({@code templates/NAME.html}), without Spring:
   * for tests and tools.
   */
  public static Documents fromClasspath() {
    return fromClasspath(0);
  }

  /**
   * Documents from the templates on the class path whose PDFs are at most that many characters of
   * XHTML (0: the bound that follows the heap).
   */
  public static Documents fromClasspath(int maxPdfCharacters) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return new Documents(
        engine,
        templateBeans(),
        maxPdfCharacters,
        Duration.ofSeconds(5),
        new SimpleMeterRegistry());
  }

  private Context context(Map<String, Object> model) {
    Context context = new Context(Locale.UK, model);
    context.setVariable(
        ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
        new ThymeleafEvaluationContext(beans, null));
    return context;
  }

  /**
   * The template rendered with the model to a complete HTML document.
   *
   * @param template the template's name, e.g. {@code plans/exception-report-document}
   */
  public String html(String template, Map<String, Object> model) {
    return templates.process(template, context(model));
  }

  /**
   * The template rendered with the model and laid out as a PDF by its own print CSS.
   *
   * @param tooLong what the person is told when the document is too long to lay out: what to ask
   *     for instead
   * @throws TooLargeException when the document is longer than {@link #maxPdfCharacters()}: its
   *     HTML is not rendered further than that
   * @throws BusyException when the heap had no room for it within the most allowed wait
   */
  public byte[] pdf(String template, Map<String, Object> model, String tooLong) {
    return timed(() -> pdfOf(template, model, tooLong));
  }

  private byte[] pdfOf(String template, Map<String, Object> model, String tooLong) {
    StringBuilder xhtml = new StringBuilder();
    try {
      templates.process(template, context(model), new Bounded(xhtml));
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof Bounded.Overflow) {
          throw new TooLargeException(tooLong);
        }
      }
      throw e;
    }
    return pdf(xhtml.toString(), tooLong);
  }

  /**
   * A well-formed XHTML document laid out as a PDF by its own print CSS. Characters no XML document
   * may hold, which text kept before {@link PlainText#clean} removed them could bring, are left
   * out.
   *
   * @throws TooLargeException when the document is longer than {@link #maxPdfCharacters()}
   * @throws BusyException when the heap had no room for it within the most allowed wait
   */
  public byte[] pdf(String xhtml) {
    return timed(() -> pdf(xhtml, TOO_LONG));
  }

  /** A PDF laid out only to warm the renderer up: not counted in the metrics. */
  byte[] pdfForWarmUp(String xhtml) {
    return pdf(xhtml, TOO_LONG);
  }

  /**
   * Times a PDF for the metrics (ADR 23) as {@code ccr.documents.pdf}, tagged with its {@code
   * outcome}: {@code rendered}, {@code too_large}, {@code busy} or {@code failed}.
   */
  private byte[] timed(Supplier<byte[]> work) {
    Timer.Sample sample = Timer.start(meters);
    String outcome = "failed";
    try {
      byte[] pdf = work.get();
      outcome = "rendered";
      return pdf;
    } catch (TooLargeException e) {
      outcome = "too_large";
      throw e;
    } catch (BusyException e) {
      outcome = "busy";
      throw e;
    } finally {
      sample.stop(
          Timer.builder("ccr.documents.pdf")
              .description("PDFs laid out, from the template to the last byte")
              .tag("outcome", outcome)
              .register(meters));
    }
  }

  private byte[] pdf(String xhtml, String tooLong) {
    if (xhtml.length() > maxPdfCharacters) {
      throw new TooLargeException(tooLong);
    }
    return room.run(
        (long) xhtml.length() * HEAP_PER_CHARACTER,
        () -> layOut(xhtml),
        () -> new BusyException(NO_ROOM));
  }

  private byte[] layOut(String xhtml) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.usePdfUaAccessibility(true);
      builder.withProducer("CCR Hub");
      builder.useSVGDrawer(new BatikSVGDrawer());
      builder.useUnicodeLineBreaker(new LineBreaks());
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

  /** Collects a document's HTML, and stops the template once it is longer than a PDF may be. */
  private final class Bounded extends Writer {

    /** Thrown through the template engine, which wraps it. */
    static final class Overflow extends RuntimeException {
      Overflow() {
        super("The document is longer than a PDF may be", null, false, false);
      }
    }

    private final StringBuilder text;

    Bounded(StringBuilder text) {
      this.text = text;
    }

    @Override
    public void write(char[] characters, int offset, int length) {
      if (text.length() + (long) length > maxPdfCharacters) {
        throw new Overflow();
      }
      text.append(characters, offset, length);
    }

    @Override
    public void write(String string, int offset, int length) {
      if (text.length() + (long) length > maxPdfCharacters) {
        throw new Overflow();
      }
      text.append(string, offset, offset + length);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
