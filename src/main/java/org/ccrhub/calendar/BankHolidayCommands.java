package org.ccrhub.calendar;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.ccrhub.cli.CommandContext;
import org.ccrhub.cli.CommandFiles;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bank-holidays list} and {@code bank-holidays import}: the calendar working days use. */
@Command(
    name = "bank-holidays",
    mixinStandardHelpOptions = true,
    description = "List and import the bank holidays of England and Wales.",
    subcommands = {BankHolidayCommands.ListYears.class, BankHolidayCommands.Import.class})
public final class BankHolidayCommands implements Runnable {

  /** GOV.UK's file is about 20 KB. */
  static final long MOST_BYTES = 1024 * 1024;

  /** How many problems of a refused file are listed. */
  static final int PROBLEMS_SHOWN = 200;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: bank-holidays list|import");
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "Print the bank holidays working days are counted with, as CSV: date,title. For a year"
              + " not loaded, the ones computed from the usual rules (and a note on stderr).")
  static final class ListYears implements Callable<Integer> {
    private final CommandContext context;
    @Spec CommandSpec spec;

    @Option(
        names = "--year",
        paramLabel = "YEAR",
        description = "e.g. 2027; by default this year and next.")
    Integer year;

    ListYears(CommandContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      if (year != null && (year < BankHolidays.FIRST_YEAR || year > BankHolidays.LAST_YEAR)) {
        throw new InvalidInputException(
            "CCR Hub keeps the bank holidays of "
                + BankHolidays.FIRST_YEAR
                + " to "
                + BankHolidays.LAST_YEAR
                + ", not "
                + year);
      }
      BankHolidays bankHolidays = context.bean(BankHolidays.class);
      int thisYear = Dates.today(context.bean(Clock.class)).getYear();
      List<Integer> years = year != null ? List.of(year) : List.of(thisYear, thisYear + 1);
      PrintWriter out = spec.commandLine().getOut();
      out.println("date,title");
      for (int y : years) {
        if (!bankHolidays.yearsCovered().contains(y)) {
          spec.commandLine()
              .getErr()
              .println(
                  y
                      + " is not loaded: its bank holidays are computed from the usual rules"
                      + " (bank-holidays import loads GOV.UK's).");
        }
        bankHolidays.inYear(y).forEach(h -> out.println(h.day() + "," + csv(h.title())));
      }
      return 0;
    }

    private static String csv(String text) {
      return text.contains(",") || text.contains("\"")
          ? "\"" + text.replace("\"", "\"\"") + "\""
          : text;
    }
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description =
          "Replace the bank holidays of each year the file has days in: GOV.UK's"
              + " bank-holidays.json (https://www.gov.uk/bank-holidays.json, its england-and-wales"
              + " list) or a CSV with the columns date,title. All or nothing: a file with any"
              + " problem changes nothing and every problem is listed. Prints what changed in"
              + " each year, and records the import in the audit trail.")
  static final class Import implements Callable<Integer> {
    private final CommandContext context;
    @Spec CommandSpec spec;

    @Option(names = "--file", required = true, paramLabel = "FILE")
    Path file;

    Import(CommandContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      byte[] content = CommandFiles.read(file, MOST_BYTES);
      String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
      List<BankHolidayImport.YearChange> changes;
      try {
        changes = context.bean(BankHolidayImport.class).importFile(source, content);
      } catch (BankHolidayImport.Rejected e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(e.getMessage());
        e.problems().stream().limit(PROBLEMS_SHOWN).forEach(err::println);
        if (e.problems().size() > PROBLEMS_SHOWN) {
          err.println("And " + (e.problems().size() - PROBLEMS_SHOWN) + " more.");
        }
        return 1;
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println("Imported the bank holidays of England and Wales from " + source + ":");
      for (BankHolidayImport.YearChange change : changes) {
        out.println(change.summary());
        change.added().forEach(h -> out.println("  + " + h.day() + " " + h.title()));
        change.removed().forEach(h -> out.println("  - " + h.day() + " " + h.title()));
        change
            .retitled()
            .forEach(
                r ->
                    out.println(
                        "  ~ "
                            + r.now().day()
                            + " "
                            + r.now().title()
                            + " (was "
                            + r.before()
                            + ")"));
      }
      BankHolidayImport.warnings(changes).forEach(w -> out.println("Warning: " + w));
      return 0;
    }
  }
}
