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
import java.util.function.Function;
import org.ccrhub.documents.Documents;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.RagRating;
import org.ccrhub.shared.TooLargeException;
import org.ccrhub.tabular.TableWriter;
import org.ccrhub.tabular.XlsxReport;
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
        "produced", Dates.today(clock));
  }

  static String marking(ExceptionReport report) {
    String marking = report.snapshot().plan().marking();
    return marking == null || marking.isBlank() ? "OFFICIAL" : marking.strip();
  }

  /**
   * Four sheets, laid out as every report spreadsheet is ({@link XlsxReport}: the marking, a title
   * row, the date produced, headers in the screen's words): Exceptions (under a heading row per
   * outcome), Summary (actions per rating per outcome and for the plan, as numbers), Not updated
   * and Movements. A due date written as a date is a date cell; other due dates ({@code Q3}, {@code
   * Ongoing}) are text as written. Written as a stream, so a report of a very long plan fits in
   * memory.
   */
  byte[] xlsx(Partnership partnership, ExceptionReport report) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    xlsx(partnership, report, bytes);
    return bytes.toByteArray();
  }

  private void xlsx(Partnership partnership, ExceptionReport report, OutputStream out) {
    PlanSnapshot snapshot = report.snapshot();
    String period = snapshot.period().toString();
    String previous = snapshot.period().previous().toString();
    Map<Long, String> outcomes = new java.util.HashMap<>();
    snapshot.outcomes().forEach(outcome -> outcomes.put(outcome.id(), outcome.label()));
    try (XlsxReport workbook =
        new XlsxReport(
            "Exception report for " + snapshot.plan().name(),
            partnership.name(),
            period,
            marking(report),
            Dates.today(clock))) {
      XlsxReport.ReportSheet exceptions =
          workbook.sheet(
              "Exceptions",
              List.of(
                  "Outcome",
                  "Ref",
                  "Action",
                  "Lead",
                  "Due",
                  "Rating " + period,
                  "Rating " + previous,
                  "Overdue",
                  "Comment"));
      for (Map.Entry<PlanOutcome, List<ExceptionReport.Line>> group :
          report.exceptions().entrySet()) {
        exceptions.heading(group.getKey().label());
        for (ExceptionReport.Line line : group.getValue()) {
          exceptions.row(
              () ->
                  List.of(
                      line.outcome().label(),
                      line.action().ref(),
                      line.action().text(),
                      line.action().leadsText(),
                      due(line.action().due()),
                      line.rating(),
                      line.previousRating(),
                      line.overdue() ? "Yes" : "No",
                      line.comment()));
        }
      }

      XlsxReport.ReportSheet summary =
          workbook.sheet(
              "Summary",
              concat("Outcome", report.ratingsShown().stream().map(RagRating::label).toList()));
      List<RagRating> ratings = report.ratingsShown();
      report
          .countsByOutcome()
          .forEach(
              (outcome, counts) ->
                  summary.row(
                      counts(
                          outcome.label(),
                          ratings.stream().map(r -> counts.getOrDefault(r, 0)).toList())));
      summary.total(counts("Whole plan", ratings.stream().map(report::total).toList()));

      XlsxReport.ReportSheet notUpdated =
          workbook.sheet("Not updated", List.of("Outcome", "Ref", "Action", "Lead", "Due"));
      for (PlanAction action : report.notUpdated()) {
        notUpdated.row(
            () ->
                List.of(
                    outcomes.get(action.outcomeId()),
                    action.ref(),
                    action.text(),
                    action.leadsText(),
                    due(action.due())));
      }

      XlsxReport.ReportSheet movements =
          workbook.sheet(
              "Movements",
              List.of("Outcome", "Ref", "Action", "Rating " + previous, "Rating " + period));
      for (ExceptionReport.Movement movement : report.movements()) {
        movements.row(
            () ->
                List.of(
                    outcomes.get(movement.action().outcomeId()),
                    movement.action().ref(),
                    movement.action().text(),
                    movement.from().label(),
                    movement.to().label()));
      }

      workbook.write(out);
    }
  }

  /** A row of counts after its label, with their total: numbers, not text. */
  private static List<Object> counts(String label, List<Integer> counts) {
    List<Object> cells = new ArrayList<>();
    cells.add(label);
    cells.addAll(counts);
    cells.add(counts.stream().mapToInt(Integer::intValue).sum());
    return cells;
  }

  /** Date forms a plan may write a due date in, read only to write such a date as a date. */
  private static final List<java.time.format.DateTimeFormatter> DATES =
      List.of(
          java.time.format.DateTimeFormatter.ISO_LOCAL_DATE,
          java.time.format.DateTimeFormatter.ofPattern("d/M/uuuu", java.util.Locale.UK),
          java.time.format.DateTimeFormatter.ofPattern("d.M.uuuu", java.util.Locale.UK),
          java.time.format.DateTimeFormatter.ofPattern("d-M-uuuu", java.util.Locale.UK),
          java.time.format.DateTimeFormatter.ofPattern("d MMMM uuuu", java.util.Locale.UK),
          java.time.format.DateTimeFormatter.ofPattern("d MMM uuuu", java.util.Locale.UK));

  /**
   * A due date as a spreadsheet cell: a date when the plan wrote a date ({@code 30/11/2016}), else
   * the text as written ({@code Q3}, {@code March 2017}, {@code Ongoing}), which a date would
   * change the meaning of.
   */
  static Object due(Due due) {
    if (due.deadline().isEmpty()) {
      return due.text();
    }
    for (java.time.format.DateTimeFormatter format : DATES) {
      try {
        LocalDate date = LocalDate.parse(due.text().strip(), format);
        if (date.equals(due.deadline().get())) {
          return date;
        }
      } catch (java.time.format.DateTimeParseException e) {
        // not written in this form
      }
    }
    return due.text();
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    all.add("Total");
    return all;
  }
}
