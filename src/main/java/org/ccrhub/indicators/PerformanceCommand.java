package org.ccrhub.indicators;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import org.ccrhub.cli.CommandContext;
import org.ccrhub.exports.Exports;
import org.ccrhub.partnership.Partnerships;
import org.ccrhub.plans.ReportFormat;
import org.ccrhub.shared.Partnership;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code report performance}: the performance table for a month. */
@Command(
    name = "performance",
    mixinStandardHelpOptions = true,
    description =
        "The performance table for a month: each indicator's previous and current 12 months,"
            + " change, baseline, comparator and target, with its rating. Small numbers are"
            + " suppressed unless --unsuppressed is given.")
public final class PerformanceCommand implements Callable<Integer> {
  private final CommandContext context;
  @Spec CommandSpec spec;

  @Option(names = "--partnership", required = true, paramLabel = "SLUG")
  String partnership;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "MONTH",
      description = "The last month of the current 12 months, e.g. 2016-10")
  String to;

  @Option(names = "--format", required = true, paramLabel = "csv|xlsx|pdf|html")
  String format;

  @Option(names = "--out", required = true, paramLabel = "FILE")
  Path out;

  @Option(
      names = "--comparator",
      paramLabel = "AREA",
      description = "The comparator area, e.g. London (default: each indicator's first)")
  @Nullable String comparator;

  @Option(
      names = "--unsuppressed",
      description = "Show small numbers as they are (for analysts; recorded in the audit trail)")
  boolean unsuppressed;

  PerformanceCommand(CommandContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    IndicatorPeriod period = IndicatorPeriod.parse(to);
    if (!period.isMonth()) {
      throw new org.ccrhub.shared.InvalidInputException(
          "'" + to + "' is not a month: give the last month of the 12, e.g. 2016-10");
    }
    YearMonth month = period.first();
    ReportFormat reportFormat = ReportFormat.parse(format);
    Partnership p = context.bean(Partnerships.class).named(partnership);
    PerformanceReports reports = context.bean(PerformanceReports.class);
    PerformanceTable table = reports.table(p, month, comparator, !unsuppressed);
    context
        .bean(Exports.class)
        .write(
            reports.file(p, table, reportFormat),
            () -> reports.render(p, table, reportFormat),
            out);
    spec.commandLine()
        .getOut()
        .printf("%d indicators to %s written to %s.%n", table.rows().size(), month, out);
    for (String line : DataMonth.Missing.lines(table.month(), table.missing())) {
      spec.commandLine().getOut().println(line);
    }
    return 0;
  }
}
