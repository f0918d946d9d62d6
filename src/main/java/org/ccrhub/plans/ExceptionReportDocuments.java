package org.ccrhub.plans;

import java.util.List;
import org.ccrhub.shared.Partnership;
import org.ccrhub.tabular.TableWriter;
import org.springframework.stereotype.Component;

/** The exception report as a file: CSV, XLSX, PDF or a standalone HTML page. */
@Component
public class ExceptionReportDocuments {

  public byte[] render(Partnership partnership, ExceptionReport report, ReportFormat format) {
    return switch (format) {
      case CSV -> csv(report);
      default -> throw new IllegalArgumentException(format + " is being written");
    };
  }

  /**
   * One row per exception action, in ref order, with exactly {@link ExceptionReport#CSV_COLUMNS}.
   */
  static byte[] csv(ExceptionReport report) {
    List<List<String>> rows = report.lines().stream().map(ExceptionReport.Line::cells).toList();
    return TableWriter.csv(ExceptionReport.CSV_COLUMNS, rows);
  }
}
