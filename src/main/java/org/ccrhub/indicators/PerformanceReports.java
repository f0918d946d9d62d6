package org.ccrhub.indicators;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.ccrhub.documents.Documents;
import org.ccrhub.exports.FileExport;
import org.ccrhub.plans.ReportFormat;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.RagScheme;
import org.ccrhub.tabular.TableWriter;
import org.ccrhub.tabular.XlsxReport;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The performance table of a partnership for a month, and the files it comes in: CSV with exactly
 * {@link PerformanceTable#CSV_COLUMNS} (plain numbers, for programs), XLSX for people ({@link
 * XlsxReport}: the screen's headers, numbers as numbers), and HTML and PDF from one template. Files
 * leave the system, so their small numbers are suppressed unless the caller asks otherwise; the
 * threshold is {@code ccr.indicators.suppression-threshold} (5 unless set).
 */
@Component
public class PerformanceReports {

  static final String TEMPLATE = "indicators/performance-report-document";

  private static final String MARKING = "OFFICIAL";
  private static final XlsxReport.Format PERCENT = XlsxReport.Format.PERCENT;
  private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

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
    return kept(
        partnership,
        month,
        comparator,
        suppressed,
        false,
        data ->
            PerformanceTable.of(
                data, month, comparator, suppressed ? suppression : Suppression.NONE, i -> true));
  }

  /** The table of the partnership's published indicators, always suppressed. */
  public PerformanceTable publishedTable(Partnership partnership, YearMonth month) {
    return kept(
        partnership,
        month,
        null,
        true,
        true,
        data -> PerformanceTable.of(data, month, null, suppression, Indicator::published));
  }

  private record TableKey(
      long partnershipId,
      long version,
      RagScheme scheme,
      YearMonth month,
      @Nullable String comparator,
      boolean suppressed,
      boolean publishedOnly) {}

  /** At most this many tables are kept, across all partnerships: the most recently used. */
  private static final int KEPT_TABLES = 64;

  private final Map<TableKey, PerformanceTable> kept =
      Collections.synchronizedMap(
          new LinkedHashMap<>(KEPT_TABLES, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<TableKey, PerformanceTable> eldest) {
              return size() > KEPT_TABLES;
            }
          });

  /**
   * A table is worked out once per version of the partnership's data (read from the database, so a
   * change on any node is seen at the next request): the screens, files and API ask for the same
   * months again and again, and a table of 200 indicators takes milliseconds of arithmetic each
   * time. Tables of an older version are never asked for again and fall out of the kept few.
   */
  private PerformanceTable kept(
      Partnership partnership,
      YearMonth month,
      @Nullable String comparator,
      boolean suppressed,
      boolean publishedOnly,
      Function<IndicatorData, PerformanceTable> make) {
    IndicatorData data = indicators.data(partnership);
    TableKey key =
        new TableKey(
            partnership.id(),
            data.version(),
            data.scheme(),
            month,
            comparator,
            suppressed,
            publishedOnly);
    PerformanceTable table = kept.get(key);
    if (table == null) {
      table = make.apply(data);
      kept.put(key, table);
    }
    return table;
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
      case XLSX -> xlsx(partnership, table);
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

  /**
   * The table as a spreadsheet for people (ADR 5): the screen's headers, with the change split into
   * its percentage and its points and whether it is better or worse in words; figures as numbers in
   * the unit's format, and what is hidden ({@code <5}, {@code [c]}) as text.
   */
  private byte[] xlsx(Partnership partnership, PerformanceTable table) {
    String comparator = table.comparator().isEmpty() ? "Comparator" : table.comparator();
    try (XlsxReport report =
        new XlsxReport(
            "Performance report",
            partnership.name(),
            "12 months to " + MONTH.format(table.month()),
            MARKING,
            Dates.today(clock))) {
      XlsxReport.ReportSheet sheet =
          report.sheet(
              "Performance " + table.month(),
              List.of(
                  "Ref",
                  "Indicator",
                  "Previous 12 months",
                  "Current 12 months",
                  "Change %",
                  "Change in points",
                  "Better or worse",
                  "Baseline",
                  "Change on baseline %",
                  comparator + " change %",
                  "Target",
                  "Rating",
                  "Notes"));
      for (PerformanceTable.Row row : table.rows()) {
        XlsxReport.Format unit = format(row.indicator().unit());
        Change.Direction direction = row.change().direction();
        sheet.row(
            Arrays.asList(
                row.indicator().ref(),
                row.indicator().name(),
                figure(row.previous(), unit),
                figure(row.current(), unit),
                figure(row.changePct(), PERCENT),
                figure(row.changePoints(), XlsxReport.Format.ONE_PLACE),
                direction == null ? "" : direction.label(),
                figure(row.baseline(), unit),
                figure(row.changeVsBaselinePct(), PERCENT),
                figure(row.comparatorChangePct(), PERCENT),
                figure(row.target(), unit),
                row.rating() == null ? "Not rated" : row.rating().label(),
                String.join("; ", row.notes())));
      }
      return report.bytes();
    }
  }

  /** A file's cell as a spreadsheet cell: a number in the format, or the text as it is. */
  private static Object figure(String cell, XlsxReport.Format format) {
    return PLAIN_NUMBER.matcher(cell).matches()
        ? XlsxReport.figure(new BigDecimal(cell), format)
        : cell;
  }

  /** How a unit's figures are shown in a spreadsheet. */
  private static XlsxReport.Format format(Unit unit) {
    return switch (unit) {
      case COUNT -> XlsxReport.Format.WHOLE;
      case PERCENTAGE -> PERCENT;
      case MONEY -> XlsxReport.Format.MONEY;
      case RATE_PER_1000, DAYS -> XlsxReport.Format.ONE_PLACE;
    };
  }

  private Map<String, Object> model(Partnership partnership, PerformanceTable table) {
    return Map.of(
        "table",
        table,
        "partnership",
        partnership,
        "marking",
        MARKING,
        "produced",
        Dates.today(clock));
  }
}
