package org.ccrhub.indicators;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.ccrhub.documents.Documents;
import org.ccrhub.exports.FileExport;
import org.ccrhub.plans.ReportFormat;
import org.ccrhub.shared.Partnership;
import org.ccrhub.tabular.TableWriter;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The performance table of a partnership for a month, and the files it comes in: CSV with exactly
 * {@link PerformanceTable#CSV_COLUMNS}, XLSX, and HTML and PDF from one template. Files leave the
 * system, so their small numbers are suppressed unless the caller asks otherwise; the threshold is
 * {@code ccr.indicators.suppression-threshold} (5 unless set).
 */
@Component
public class PerformanceReports {

  static final String TEMPLATE = "indicators/performance-report-document";

  private final Indicators indicators;
  private final Documents documents;
  private final Suppression suppression;
  private final Clock clock;

  PerformanceReports(
      Indicators indicators,
      Documents documents,
      @Value("${ccr.indicators.suppression-threshold:5}") int threshold,
      Clock clock) {
    this.indicators = indicators;
    this.documents = documents;
    this.suppression = new Suppression(threshold);
    this.clock = clock;
  }

  /** The suppression published and exported outputs use. */
  public Suppression suppression() {
    return suppression;
  }

  /**
   * The table at a month for all the partnership's indicators.
   *
   * @param comparator the comparator area, or null for each indicator's first
   * @param suppressed whether small numbers are hidden (for anything that leaves the system)
   */
  public PerformanceTable table(
      Partnership partnership, YearMonth month, @Nullable String comparator, boolean suppressed) {
    return PerformanceTable.of(
        indicators.data(partnership),
        month,
        comparator,
        suppressed ? suppression : Suppression.NONE,
        i -> true);
  }

  /** The table of the partnership's published indicators, always suppressed. */
  public PerformanceTable publishedTable(Partnership partnership, YearMonth month) {
    return PerformanceTable.of(
        indicators.data(partnership), month, null, suppression, Indicator::published);
  }

  /**
   * The table's file as the audit trail describes it when it leaves; one whose small numbers are
   * shown is recorded as such.
   */
  public FileExport file(Partnership partnership, PerformanceTable table, ReportFormat format) {
    FileExport file =
        FileExport.of(
            partnership,
            "PerformanceReport",
            table.month(),
            "the performance table for the 12 months to "
                + table.month()
                + (table.comparator().isEmpty() ? "" : ", compared with " + table.comparator()),
            format.extension());
    return table.suppression().isOn() ? file : file.unsuppressed();
  }

  public byte[] render(Partnership partnership, PerformanceTable table, ReportFormat format) {
    return switch (format) {
      case CSV -> TableWriter.csv(PerformanceTable.CSV_COLUMNS, table.cells());
      case XLSX ->
          TableWriter.xlsx(
              "Performance " + table.month(),
              PerformanceTable.CSV_COLUMNS,
              table.cells(),
              java.util.Set.of(2, 3, 4, 5, 6, 7, 8));
      case HTML ->
          documents.html(TEMPLATE, model(partnership, table)).getBytes(StandardCharsets.UTF_8);
      case PDF ->
          documents.pdf(
              TEMPLATE,
              model(partnership, table),
              "This performance table is too long to make as a PDF. Download it as a spreadsheet"
                  + " (XLSX or CSV) instead.");
    };
  }

  private Map<String, Object> model(Partnership partnership, PerformanceTable table) {
    return Map.of(
        "table",
        table,
        "partnership",
        partnership,
        "marking",
        "OFFICIAL",
        "produced",
        LocalDate.now(clock));
  }
}
