package org.ccrhub.sharing;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.ccrhub.cli.CommandContext;
import org.ccrhub.cli.CommandFiles;
import org.ccrhub.exports.Exports;
import org.ccrhub.exports.FileExport;
import org.ccrhub.partnership.Partnerships;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.SmallNumbers;
import org.ccrhub.shared.UkDates;
import org.ccrhub.tabular.ProblemList;
import org.ccrhub.tabular.TableWriter;
import org.ccrhub.tabular.Tables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sharing import}, {@code sharing log} and {@code sharing stats}. They print request
 * numbers, row numbers, counts and the names of agencies and protocols, never a data subject.
 */
@Command(
    name = "sharing",
    mixinStandardHelpOptions = true,
    description = "Import a decision log of information sharing, and write the register's figures.",
    subcommands = {
      SharingCommands.Import.class,
      SharingCommands.Log.class,
      SharingCommands.Stats.class,
      SharingCommands.Purge.class
    })
public final class SharingCommands implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "Missing command: sharing import|log|stats|purge");
  }

  /** What the subcommands share: the partnership. */
  abstract static class SharingCommand implements Callable<Integer> {
    final CommandContext context;
    @Spec CommandSpec spec;

    @Option(names = "--partnership", required = true, paramLabel = "SLUG")
    String partnership;

    SharingCommand(CommandContext context) {
      this.context = context;
    }

    Partnership partnership() {
      return context.bean(Partnerships.class).named(partnership);
    }
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description =
          "Import an existing decision log from a CSV (UTF-8 or Windows-1252) or XLSX file, all or"
              + " nothing. Columns: request_date, requesting_agency, requesting_officer,"
              + " asked_agency, protocol, subject_role, purpose, urgent, needed_by, consent,"
              + " lawful_basis, decision_date, decision, reasons, subject_told, not_told_reason,"
              + " authorised_by, information_types, method. Agencies and protocols the partnership"
              + " lacks are created (protocols as past records) and listed. Rows imported before"
              + " are left as they were.")
  static final class Import extends SharingCommand {

    @Option(names = "--file", required = true, paramLabel = "FILE")
    Path file;

    Import(CommandContext context) {
      super(context);
    }

    @Override
    public Integer call() {
      byte[] content = CommandFiles.read(file, Tables.MAX_BYTES);
      Partnership p = partnership();
      PrintWriter out = spec.commandLine().getOut();
      try {
        SharingImportResult result =
            context
                .bean(SharingImport.class)
                .importLog(
                    p,
                    content,
                    String.valueOf(file.getFileName()),
                    "the command line (" + System.getProperty("user.name", "unknown") + ")");
        out.println(result.summary());
        result.created(LocalDate::toString).forEach(out::println);
        ProblemList.printWarnings(out, result.warnings());
        return 0;
      } catch (SharingImportRejectedException e) {
        ProblemList.printRefusal(spec.commandLine().getErr(), e.errors(), e.warnings());
        return 1;
      }
    }
  }

  @Command(
      name = "log",
      mixinStandardHelpOptions = true,
      description =
          "Write the decision log: every decision recorded with a decision date in the period,"
              + " corrections included, marked OFFICIAL-SENSITIVE (recorded in the audit trail"
              + " with the reason). Columns: the import's 19, then request_number, entry,"
              + " recorded_at, recorded_by, corrects_entry, correction_reason, superseded,"
              + " due_date, date_supplied, summary.")
  static final class Log extends SharingCommand {

    @Option(names = "--from", required = true, paramLabel = "DATE")
    String from;

    @Option(names = "--to", required = true, paramLabel = "DATE")
    String to;

    @Option(names = "--format", required = true, paramLabel = "csv|xlsx|pdf")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Option(
        names = "--reason",
        paramLabel = "TEXT",
        description = "Why the log is taken, kept in the audit trail and printed in the file")
    String reason = "";

    Log(CommandContext context) {
      super(context);
    }

    @Override
    public Integer call() {
      String kind = format.strip().toLowerCase(java.util.Locale.ROOT);
      if (!List.of("csv", "xlsx", "pdf").contains(kind)) {
        throw new InvalidInputException(
            "Format '" + format + "' is not valid: use csv, xlsx or pdf");
      }
      String why = reason.strip();
      if (why.length() > 500) {
        throw new InvalidInputException("Keep the reason to 500 characters or fewer");
      }
      LocalDate first = Stats.day("--from", from);
      LocalDate last = Stats.day("--to", to);
      if (last.isBefore(first)) {
        throw new InvalidInputException("--to must be on or after --from");
      }
      Partnership p = partnership();
      DecisionLog log = context.bean(DecisionLog.class);
      List<DecisionLog.Entry> entries = log.entries(p, first, last);
      String period =
          org.ccrhub.shared.Dates.date(first) + " to " + org.ccrhub.shared.Dates.date(last);
      String exportedBy = "the command line (" + System.getProperty("user.name", "unknown") + ")";
      LocalDate today = Dates.today(context.bean(java.time.Clock.class));
      context
          .bean(Exports.class)
          .write(
              FileExport.of(
                      p,
                      "DecisionLog",
                      first + ".." + last,
                      "the decision log for "
                          + first
                          + " to "
                          + last
                          + " ("
                          + entries.size()
                          + " entries)",
                      kind)
                  .because(why),
              () ->
                  switch (kind) {
                    case "csv" -> DecisionLog.csv(entries);
                    case "xlsx" -> DecisionLog.xlsx(p, entries, period, exportedBy, why, today);
                    default -> log.pdf(p, entries, period, exportedBy, why, today);
                  },
              out);
      spec.commandLine()
          .getOut()
          .printf(
              "The decision log for %s to %s (%d %s, %s) written to %s.%n",
              first,
              last,
              entries.size(),
              entries.size() == 1 ? "entry" : "entries",
              DecisionLog.MARKING,
              out);
      return 0;
    }
  }

  @Command(
      name = "stats",
      mixinStandardHelpOptions = true,
      description =
          "Write the register's figures for the requests made in a period, one row per requesting"
              + " and asked agency, with exact counts (recorded in the audit trail). Columns:"
              + " requesting_agency, asked_agency, requests, shared, shared_in_part, refused, open,"
              + " overdue, median_days_to_decide, p90_days_to_decide.")
  static final class Stats extends SharingCommand {

    @Option(
        names = "--from",
        required = true,
        paramLabel = "DATE",
        description = "The first day, e.g. 2016-04-01")
    String from;

    @Option(
        names = "--to",
        required = true,
        paramLabel = "DATE",
        description = "The last day, e.g. 2017-03-31")
    String to;

    @Option(names = "--format", required = true, paramLabel = "csv")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Option(
        names = "--suppressed",
        description =
            "Write the board's figures: counts from 1 to 4 as <5, and what would give one away"
                + " as [c]")
    boolean suppressed;

    Stats(CommandContext context) {
      super(context);
    }

    @Override
    public Integer call() {
      if (!format.strip().equalsIgnoreCase("csv")) {
        throw new InvalidInputException("Format '" + format + "' is not valid: use csv");
      }
      LocalDate first = day("--from", from);
      LocalDate last = day("--to", to);
      if (last.isBefore(first)) {
        throw new InvalidInputException("--to must be on or after --from");
      }
      Partnership p = partnership();
      List<SharingStatistics.Row> rows =
          context.bean(SharingStatisticsReports.class).figures(p, first, last);
      FileExport export =
          FileExport.of(
              p,
              "SharingStatistics",
              first + ".." + last,
              "the information-sharing figures for " + first + " to " + last,
              "csv");
      SmallNumbers small = suppressed ? SmallNumbers.STANDARD : SmallNumbers.NONE;
      context
          .bean(Exports.class)
          .write(
              suppressed ? export : export.unsuppressed(),
              () ->
                  TableWriter.csv(
                      SharingStatistics.COLUMNS, rows.stream().map(r -> r.cells(small)).toList()),
              out);
      spec.commandLine()
          .getOut()
          .printf(
              "The figures for %s to %s (%d agency %s, %d requests) written to %s.%n",
              first,
              last,
              rows.size(),
              rows.size() == 1 ? "pair" : "pairs",
              rows.stream().mapToInt(SharingStatistics.Row::requests).sum(),
              out);
      return 0;
    }

    static LocalDate day(String option, String text) {
      return UkDates.day(text.strip())
          .orElseThrow(
              () ->
                  new InvalidInputException(
                      option + " '" + text + "' is not a date: write it like 2016-04-01"));
    }
  }

  @Command(
      name = "purge",
      mixinStandardHelpOptions = true,
      description =
          "Remove the personal details of the requests and consent records whose retention has"
              + " run out, and the files kept with decisions whose day has come, keeping the"
              + " decision log and the figures. Prints kind, number, from and"
              + " kept_until for each.")
  static final class Purge extends SharingCommand {

    @Option(names = "--dry-run", description = "List what would go, and change nothing")
    boolean dryRun;

    Purge(CommandContext context) {
      super(context);
    }

    @Override
    public Integer call() {
      Partnership p = partnership();
      SharingRetention retention = context.bean(SharingRetention.class);
      LocalDate today = Dates.today(context.bean(java.time.Clock.class));
      List<SharingRetention.Due> due = retention.due(p, today);
      PrintWriter out = spec.commandLine().getOut();
      out.println("kind,number,from,kept_until");
      for (SharingRetention.Due d : due) {
        out.println(d.kind() + "," + d.number() + "," + d.from() + "," + d.keptUntil());
      }
      if (dryRun) {
        out.println(due.size() + " would lose personal details (dry run: nothing was changed).");
        return 0;
      }
      int purged = retention.purge(p, today, "sharing purge");
      out.println("Personal details removed from " + purged + ".");
      return 0;
    }
  }
}
