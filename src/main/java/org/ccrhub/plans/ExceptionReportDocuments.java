package org.ccrhub.plans;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.ccrhub.documents.Documents;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.RagRating;
import org.ccrhub.shared.TooLargeException;
import org.ccrhub.tabular.TableWriter;
import org.ccrhub.tabular.XlsxFile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The exception report as a file: CSV, XLSX, PDF or a standalone HTML page. The HTML page and the
 * PDF come from one template, {@value #TEMPLATE}, and carry the partnership's key to its ratings;
 * every form carries the plan's protective marking, except CSV, which has no place for it.
 */
@Component
public class ExceptionReportDocuments {

  static final String TEMPLATE = "plans/exception-report-document";

  static final String TOO_LONG_FOR_PDF =
      "This exception report is too long to make as a PDF. Download it as a spreadsheet (XLSX or"
          + " CSV) instead: it lists every exception.";

  /**
   * The fewest characters of the document's HTML one exception takes (its row in the table: about
   * 800 as measured, with its entries in the other sections). A report whose exceptions alone would
   * be longer than a PDF may be is refused before its HTML is made.
   */
  private static final int LEAST_CHARACTERS_PER_EXCEPTION = 400;

  private final Documents documents;
  private final Function<Partnership, Map<RagRating, String>> definitions;
  private final Clock clock;

  @Autowired
  ExceptionReportDocuments(Documents documents, RagDefinitions definitions, Clock clock) {
    this(documents, definitions::definitions, clock);
  }

  ExceptionReportDocuments(
      Documents documents, Function<Partnership, Map<RagRating, String>> definitions, Clock clock) {
    this.documents = documents;
    this.definitions = definitions;
    this.clock = clock;
  }

  /**
   * @throws org.ccrhub.shared.TooLargeException for a PDF too long to lay out in the memory the
   *     server has (ADR 5)
   */
  public byte[] render(Partnership partnership, ExceptionReport report, ReportFormat format) {
    return switch (format) {
      case CSV -> csv(report);
      case XLSX -> xlsx(partnership, report);
      case HTML ->
          documents.html(TEMPLATE, model(partnership, report)).getBytes(StandardCharsets.UTF_8);
      case PDF -> pdf(partnership, report);
    };
  }

  /**
   * Writes the report's file to the stream: CSV and XLSX row by row as they are made, so that the
   * report of a very long plan is never held twice.
   *
   * @throws org.ccrhub.shared.TooLargeException for a PDF too long to lay out
   */
  public void write(
      Partnership partnership, ExceptionReport report, ReportFormat format, OutputStream out)
      throws IOException {
    switch (format) {
      case CSV -> csv(report, out);
      case XLSX -> xlsx(partnership, report, out);
      default -> out.write(render(partnership, report, format));
    }
  }

  /**
   * The PDF, laid out again only when something in it changed: a report is kept while its plan's
   * version is unchanged (see {@link DeliveryPlans#exceptionReport}), so the same report object,
   * partnership, key to ratings and date give the same document. A long report takes seconds to lay
   * out and a board paper is downloaded by several people.
   */
  private byte[] pdf(Partnership partnership, ExceptionReport report) {
    if (!fitsInPdf(List.of(report), documents.maxPdfCharacters())) {
      throw new TooLargeException(TOO_LONG_FOR_PDF);
    }
    Map<String, Object> model = model(partnership, report);
    PdfKey key =
        new PdfKey(
            report,
            partnership,
            model.get("definitions"),
            model.get("marking"),
            model.get("produced"));
    byte[] pdf = pdfs.get(key);
    if (pdf == null) {
      pdf = documents.pdf(TEMPLATE, model, TOO_LONG_FOR_PDF);
      pdfs.put(key, pdf);
    }
    return pdf;
  }

  /**
   * Whether the reports' exceptions could be laid out in a PDF of at most that many characters: a
   * report of thousands of exceptions is refused at once, before its HTML is made.
   */
  public static boolean fitsInPdf(List<ExceptionReport> reports, int maxCharacters) {
    long exceptions = reports.stream().mapToLong(r -> r.lines().size()).sum();
    return exceptions * LEAST_CHARACTERS_PER_EXCEPTION <= maxCharacters;
  }

  /** The last few PDFs laid out (a long one is about 5 MB). */
  private final Map<PdfKey, byte[]> pdfs =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>(8, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<PdfKey, byte[]> eldest) {
              return size() > 4;
            }
          });

  /**
   * The model: the report by identity (comparing reports by value would walk every line), the rest
   * by value.
   */
  private record PdfKey(
      ExceptionReport report,
      Partnership partnership,
      Object definitions,
      Object marking,
      Object produced) {
    @Override
    public boolean equals(Object other) {
      return other instanceof PdfKey key
          && key.report == report
          && key.partnership.equals(partnership)
          && key.definitions.equals(definitions)
          && key.marking.equals(marking)
          && key.produced.equals(produced);
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(report);
    }
  }

  /**
   * One row per exception action, in ref order, with exactly {@link ExceptionReport#CSV_COLUMNS}.
   */
  static byte[] csv(ExceptionReport report) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    csv(report, bytes);
    return bytes.toByteArray();
  }

  private static void csv(ExceptionReport report, OutputStream out) {
    Iterable<List<String>> rows =
        () -> report.lines().stream().map(ExceptionReport.Line::cells).iterator();
    TableWriter.csv(ExceptionReport.CSV_COLUMNS, rows, out);
  }

  /** What the document template needs: the report, the key, the marking and today's date. */
  Map<String, Object> model(Partnership partnership, ExceptionReport report) {
    return Map.of(
        "report", report,
        "partnership", partnership,
        "definitions", definitions.apply(partnership),
        "marking", marking(report),
        "produced", LocalDate.now(clock));
  }

  static String marking(ExceptionReport report) {
    String marking = report.snapshot().plan().marking();
    return marking == null || marking.isBlank() ? "OFFICIAL" : marking.strip();
  }

  /**
   * Four sheets: Exceptions (the CSV's columns, under a heading row per outcome), Summary (actions
   * per rating per outcome and for the plan), Not updated and Movements. Each starts with the
   * marking and a title, and prints with the marking in its header and page numbers in its footer.
   * Written as a stream ({@link XlsxFile}), so a report of a very long plan fits in memory.
   */
  byte[] xlsx(Partnership partnership, ExceptionReport report) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    xlsx(partnership, report, bytes);
    return bytes.toByteArray();
  }

  private void xlsx(Partnership partnership, ExceptionReport report, OutputStream out) {
    PlanSnapshot snapshot = report.snapshot();
    String title =
        partnership.name()
            + ": exception report "
            + snapshot.period()
            + ", "
            + snapshot.plan().name()
            + " (produced "
            + LocalDate.now(clock)
            + ")";
    Map<Long, String> outcomes = new java.util.HashMap<>();
    snapshot.outcomes().forEach(outcome -> outcomes.put(outcome.id(), outcome.label()));
    try (XlsxFile workbook = new XlsxFile()) {
      Styles styles = new Styles(workbook.workbook());
      workbook.title(title);

      SheetWriter exceptions =
          new SheetWriter(workbook, styles, "Exceptions", marking(report), title);
      exceptions.header(ExceptionReport.CSV_COLUMNS);
      for (Map.Entry<PlanOutcome, List<ExceptionReport.Line>> group :
          report.exceptions().entrySet()) {
        exceptions.heading(group.getKey().label(), ExceptionReport.CSV_COLUMNS.size());
        group.getValue().forEach(line -> exceptions.texts(line::cells));
      }
      exceptions.widths(30, 8, 50, 25, 14, 12, 14, 9, 60);

      SheetWriter summary = new SheetWriter(workbook, styles, "Summary", marking(report), title);
      List<RagRating> ratings = report.ratingsShown();
      summary.header(concat("outcome", ratings.stream().map(RagRating::label).toList(), "total"));
      report
          .countsByOutcome()
          .forEach(
              (outcome, counts) ->
                  summary.counts(
                      outcome.label(),
                      ratings.stream().map(r -> counts.getOrDefault(r, 0)).toList(),
                      false));
      summary.counts("Whole plan", ratings.stream().map(report::total).toList(), true);
      summary.widths(40, 12, 12, 12, 12, 12, 12, 12, 12, 10);

      SheetWriter notUpdated =
          new SheetWriter(workbook, styles, "Not updated", marking(report), title);
      notUpdated.header(List.of("outcome", "ref", "action", "lead", "due"));
      for (PlanAction action : report.notUpdated()) {
        notUpdated.texts(
            () ->
                List.of(
                    outcomes.get(action.outcomeId()),
                    action.ref(),
                    action.text(),
                    action.leadsText(),
                    action.due().text()));
      }
      notUpdated.widths(30, 8, 60, 30, 14);

      SheetWriter movements =
          new SheetWriter(workbook, styles, "Movements", marking(report), title);
      movements.header(
          List.of(
              "outcome",
              "ref",
              "action",
              "rating_" + snapshot.period().previous(),
              "rating_" + snapshot.period()));
      for (ExceptionReport.Movement movement : report.movements()) {
        movements.texts(
            () ->
                List.of(
                    outcomes.get(movement.action().outcomeId()),
                    movement.action().ref(),
                    movement.action().text(),
                    movement.from().label(),
                    movement.to().label()));
      }
      movements.widths(30, 8, 60, 16, 16);

      workbook.write(out);
    }
  }

  private static List<String> concat(String first, List<String> middle, String last) {
    List<String> all = new java.util.ArrayList<>();
    all.add(first);
    all.addAll(middle);
    all.add(last);
    return all;
  }

  private static final class Styles {
    final CellStyle bold;
    final CellStyle marking;
    final CellStyle wrap;

    Styles(Workbook workbook) {
      Font boldFont = workbook.createFont();
      boldFont.setBold(true);
      bold = workbook.createCellStyle();
      bold.setFont(boldFont);
      bold.setVerticalAlignment(VerticalAlignment.TOP);
      Font markingFont = workbook.createFont();
      markingFont.setBold(true);
      markingFont.setFontHeightInPoints((short) 12);
      marking = workbook.createCellStyle();
      marking.setFont(markingFont);
      wrap = workbook.createCellStyle();
      wrap.setWrapText(true);
      wrap.setVerticalAlignment(VerticalAlignment.TOP);
    }
  }

  /**
   * Writes one sheet: the marking in row 1, the title in row 2, the header in row 4, then rows.
   * What a sheet has besides rows (merged headings, the frozen and repeated header) is set at once;
   * each row is kept as what makes it, and made only as the file is written.
   */
  private static final class SheetWriter {
    private final Sheet sheet;
    private final Styles styles;
    private final List<Consumer<Sheet>> rows = new ArrayList<>();
    private int next;

    SheetWriter(XlsxFile workbook, Styles styles, String name, String marking, String title) {
      this.sheet = workbook.sheet(name, out -> rows.forEach(row -> row.accept(out)));
      this.styles = styles;
      row(row -> XlsxFile.text(row, 0, marking, styles.marking));
      row(row -> XlsxFile.text(row, 0, title, styles.bold));
      next++;
      sheet.getHeader().setCenter(marking);
      sheet.getFooter().setCenter(marking);
      sheet.getFooter().setRight("Page &P of &N");
      sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
      sheet.getPrintSetup().setLandscape(true);
      sheet.setFitToPage(true);
      sheet.getPrintSetup().setFitWidth((short) 1);
      sheet.getPrintSetup().setFitHeight((short) 0);
    }

    /** The next row, made by {@code cells} when the file is written. */
    private void row(Consumer<Row> cells) {
      int number = next++;
      rows.add(out -> cells.accept(out.createRow(number)));
    }

    void header(List<String> names) {
      sheet.createFreezePane(0, next + 1);
      sheet.setRepeatingRows(new CellRangeAddress(next, next, 0, names.size() - 1));
      row(
          row -> {
            for (int c = 0; c < names.size(); c++) {
              XlsxFile.text(row, c, names.get(c), styles.bold);
            }
          });
    }

    void heading(String text, int columns) {
      sheet.addMergedRegion(new CellRangeAddress(next, next, 0, columns - 1));
      row(row -> XlsxFile.text(row, 0, text, styles.bold));
    }

    /** A row of text cells, made when the file is written. */
    void texts(Supplier<List<String>> cells) {
      row(
          row -> {
            List<String> values = cells.get();
            for (int c = 0; c < values.size(); c++) {
              XlsxFile.text(row, c, values.get(c), styles.wrap);
            }
          });
    }

    void counts(String label, List<Integer> counts, boolean total) {
      row(
          row -> {
            XlsxFile.text(row, 0, label, total ? styles.bold : styles.wrap);
            int sum = 0;
            for (int c = 0; c < counts.size(); c++) {
              row.createCell(c + 1).setCellValue(counts.get(c));
              sum += counts.get(c);
            }
            var cell = row.createCell(counts.size() + 1);
            cell.setCellValue(sum);
            cell.setCellStyle(styles.bold);
          });
    }

    void widths(int... characters) {
      for (int c = 0; c < characters.length; c++) {
        sheet.setColumnWidth(c, characters[c] * 256);
      }
    }
  }
}
