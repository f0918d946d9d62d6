package org.ccrhub.reports;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ccrhub.cli.CommandContext;
import org.ccrhub.exports.Exports;
import org.ccrhub.indicators.DataMonth;
import org.ccrhub.indicators.IndicatorPeriod;
import org.ccrhub.indicators.PerformanceTable;
import org.ccrhub.partnership.Partnerships;
import org.ccrhub.plans.ReportFormat;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.UkDates;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code report board-pack}: the papers for a board meeting. */
@Command(
    name = "board-pack",
    mixinStandardHelpOptions = true,
    description =
        "The board pack for a period: cover, key to ratings, a summary and the exception report"
            + " of each plan, and the performance table with charts.")
final class BoardPackCommand implements Callable<Integer> {
  private static final DateTimeFormatter LONG_MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

  private final CommandContext context;
  @Spec CommandSpec spec;

  @Option(names = "--partnership", required = true, paramLabel = "SLUG")
  String partnership;

  @Option(
      names = "--period",
      required = true,
      paramLabel = "PERIOD",
      description = "e.g. \"2016/17 Q2\"")
  String period;

  @Option(
      names = "--plan",
      paramLabel = "NAME",
      description = "A plan to include (repeat for several; default: every plan running then)")
  List<String> plans = new ArrayList<>();

  @Option(names = "--board", paramLabel = "NAME", description = "The board's name")
  String board = "";

  @Option(
      names = "--meeting-date",
      paramLabel = "DATE",
      description = "The meeting's date, e.g. 2016-11-15 (default: today)")
  String meetingDate = "";

  @Option(
      names = "--data-month",
      paramLabel = "MONTH",
      description =
          "The month the figures run to, e.g. 2016-10 or 10/2016 (default: the latest month, not"
              + " after the period, with a figure for every indicator)")
  String dataMonth = "";

  @Option(names = "--format", required = true, paramLabel = "pdf|html")
  String format;

  @Option(names = "--out", required = true, paramLabel = "FILE")
  Path out;

  @Option(
      names = "--issue",
      description =
          "Issue the pack: keep its PDF as it is now, listed on the board pack page (pdf only)")
  boolean issue;

  BoardPackCommand(CommandContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    ReportingPeriod reportingPeriod = ReportingPeriod.parse(period);
    ReportFormat reportFormat = ReportFormat.parse(format);
    if (reportFormat != ReportFormat.PDF && reportFormat != ReportFormat.HTML) {
      throw new InvalidInputException("A board pack comes as pdf or html, not " + format);
    }
    LocalDate date =
        meetingDate.isBlank()
            ? Dates.today(context.bean(Clock.class))
            : UkDates.day(meetingDate)
                .orElseThrow(
                    () ->
                        new InvalidInputException(
                            "'"
                                + meetingDate.strip()
                                + "' is not a date: write it like 15/11/2016 or 2016-11-15"));
    @Nullable YearMonth month = dataMonth.isBlank() ? null : month(dataMonth);
    Partnership p = context.bean(Partnerships.class).named(partnership);
    BoardPacks packs = context.bean(BoardPacks.class);
    BoardPack pack = packs.assemble(p, reportingPeriod, plans, board, date, month);
    if (issue) {
      return issue(p, pack, reportFormat);
    }
    context
        .bean(Exports.class)
        .write(packs.file(pack, reportFormat), () -> packs.render(pack, reportFormat), out);
    spec.commandLine()
        .getOut()
        .printf(
            "Board pack for %s (%d plans, %d indicators) written to %s.%n",
            reportingPeriod, pack.plans().size(), pack.performance().rows().size(), out);
    PerformanceTable table = pack.performance();
    spec.commandLine().getOut().printf("Figures to %s.%n", LONG_MONTH.format(table.month()));
    for (String line : DataMonth.Missing.lines(table.month(), table.missing())) {
      spec.commandLine().getOut().println(line);
    }
    return 0;
  }

  /** A month as people write it: 2016-10, 10/2016, Oct 2016, October 2016. */
  private static YearMonth month(String text) {
    IndicatorPeriod period;
    try {
      period = IndicatorPeriod.parse(text);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(
          "'" + text.strip() + "' is not a month: give the data month like 2016-10 or 10/2016");
    }
    if (!period.isMonth()) {
      throw new InvalidInputException(
          "'" + text.strip() + "' is not a month: give the data month like 2016-10 or 10/2016");
    }
    return period.first();
  }

  /** Issues the pack and writes the issued PDF, the same bytes the board pack page serves. */
  private Integer issue(Partnership p, BoardPack pack, ReportFormat reportFormat) {
    if (reportFormat != ReportFormat.PDF) {
      throw new InvalidInputException("An issued board pack is a PDF: give --format pdf");
    }
    IssuedBoardPacks issued = context.bean(IssuedBoardPacks.class);
    IssuedBoardPack kept = issued.issue(pack, IssuedBoardPacks.COMMAND_LINE, null);
    context.bean(Exports.class).write(issued.file(p, kept), () -> issued.pdf(p, kept.id()), out);
    spec.commandLine()
        .getOut()
        .printf(
            "Board pack for %s issued as number %d (%d plans, %d indicators) and written to %s.%n",
            pack.period(), kept.id(), pack.plans().size(), pack.performance().rows().size(), out);
    return 0;
  }
}
