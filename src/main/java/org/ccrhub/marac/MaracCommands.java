package org.ccrhub.marac;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.ccrhub.cli.CommandContext;
import org.ccrhub.cli.CommandFiles;
import org.ccrhub.exports.Exports;
import org.ccrhub.exports.FileExport;
import org.ccrhub.partnership.Partnerships;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.Partnership;
import org.ccrhub.tabular.ProblemList;
import org.ccrhub.tabular.TableFormat;
import org.ccrhub.tabular.TableWriter;
import org.ccrhub.tabular.Tables;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code marac import}, {@code marac dataset} and {@code marac purge}. They print referral ids, row
 * numbers and counts, never a name: what a command prints may end up in a log.
 */
@Command(
    name = "marac",
    mixinStandardHelpOptions = true,
    description =
        "Create MARACs and give their roles, import referrals, write the data return, remove"
            + " expired personal data.",
    subcommands = {
      MaracCreateCommand.class,
      MaracRoleCommands.class,
      MaracIndicatorsCommand.class,
      MaracCommands.Import.class,
      MaracCommands.Dataset.class,
      MaracCommands.Purge.class
    })
public final class MaracCommands implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "Missing command: marac create|role|import|dataset|purge");
  }

  /** What the subcommands share: the partnership and the MARAC. */
  abstract static class MaracCommand implements Callable<Integer> {
    final CommandContext context;
    @Spec CommandSpec spec;

    @Option(names = "--partnership", required = true, paramLabel = "SLUG")
    String partnership;

    @Option(
        names = "--marac",
        paramLabel = "NAME",
        description = "The MARAC, when the partnership has more than one")
    @Nullable String marac;

    MaracCommand(CommandContext context) {
      this.context = context;
    }

    Partnership partnership() {
      return context.bean(Partnerships.class).named(partnership);
    }

    Marac marac(Partnership p) {
      return context.bean(Maracs.class).named(p, marac);
    }

    LocalDate today() {
      return Dates.today(context.bean(Clock.class));
    }
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description =
          "Import earlier referrals from a CSV (UTF-8 or Windows-1252) or XLSX file, all or"
              + " nothing, checking each for repeats in referral-date order as live referrals are."
              + " Columns: referral_date, meeting_date, victim_name, victim_dob, victim_age,"
              + " victim_gender, victim_ethnicity, victim_disability, victim_lgbt,"
              + " perpetrator_name, perpetrator_dob, perpetrator_age, perpetrator_gender,"
              + " relationship, referring_agency, agency_type, dash_score, criteria, children.")
  static final class Import extends MaracCommand {

    @Option(names = "--file", required = true, paramLabel = "FILE")
    Path file;

    Import(CommandContext context) {
      super(context);
    }

    @Override
    public Integer call() {
      byte[] content = CommandFiles.read(file, Tables.MAX_BYTES);
      Partnership p = partnership();
      Marac m = marac(p);
      PrintWriter out = spec.commandLine().getOut();
      try {
        MaracImportResult result = context.bean(MaracImport.class).importReferrals(p, m, content);
        out.println(result.summary());
        for (String agency : result.agenciesCreated()) {
          out.println("Agency created: " + agency);
        }
        ProblemList.printWarnings(out, result.warnings());
        for (MaracImportResult.RowMatch match : result.nearMatches()) {
          out.println(
              "Near match to review: row "
                  + match.row()
                  + ", referral "
                  + match.referralId()
                  + ", match "
                  + match.matchId());
        }
        return 0;
      } catch (MaracImportRejectedException e) {
        ProblemList.printRefusal(spec.commandLine().getErr(), e.errors(), e.warnings());
        return 1;
      }
    }
  }

  @Command(
      name = "dataset",
      mixinStandardHelpOptions = true,
      description =
          "Write the quarterly MARAC data return sent to SafeLives, one row per quarter, with exact"
              + " counts (recorded in the audit trail).")
  static final class Dataset extends MaracCommand {

    @Option(
        names = "--from",
        required = true,
        paramLabel = "QUARTER",
        description = "The first quarter, e.g. \"2016/17 Q1\"")
    String from;

    @Option(
        names = "--to",
        required = true,
        paramLabel = "QUARTER",
        description = "The last quarter, e.g. \"2016/17 Q4\"")
    String to;

    @Option(names = "--format", required = true, paramLabel = "csv|xlsx")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    Dataset(CommandContext context) {
      super(context);
    }

    @Override
    public Integer call() {
      ReportingPeriod first = ReportingPeriod.parse(from);
      ReportingPeriod last = ReportingPeriod.parse(to);
      TableFormat tableFormat = TableFormat.parse(format);
      if (tableFormat == TableFormat.ODS) {
        throw new InvalidInputException("Format 'ods' is not valid: use csv or xlsx");
      }
      Partnership p = partnership();
      Marac m = marac(p);
      DataReturn dataReturn = context.bean(DataReturns.class).count(m, first, last);
      List<String> header = DataReturn.COLUMNS;
      List<List<String>> rows = dataReturn.rows();
      Set<Integer> numbers = IntStream.range(1, header.size()).boxed().collect(Collectors.toSet());
      context
          .bean(Exports.class)
          .write(
              FileExport.of(
                  p,
                  "MaracDataReturn",
                  m.id(),
                  "the data return of MARAC " + m.id() + " for " + first + " to " + last,
                  tableFormat.extension()),
              () ->
                  tableFormat == TableFormat.CSV
                      ? TableWriter.csv(header, rows)
                      : TableWriter.xlsx("MARAC data return", header, rows, numbers),
              out);
      spec.commandLine()
          .getOut()
          .printf(
              "The data return for %s to %s (%d quarters) written to %s.%n",
              first, last, rows.size(), out);
      return 0;
    }
  }

  @Command(
      name = "purge",
      mixinStandardHelpOptions = true,
      description =
          "Remove the personal details of the victims whose last referral is older than the MARAC"
              + " keeps them, keeping the counts of the data return. Prints referral_id,"
              + " referral_date, last_referral_date for each referral.")
  static final class Purge extends MaracCommand {

    @Option(names = "--dry-run", description = "List what would go, and change nothing")
    boolean dryRun;

    Purge(CommandContext context) {
      super(context);
    }

    @Override
    public Integer call() {
      Partnership p = partnership();
      Marac m = marac(p);
      MaracRetention retention = context.bean(MaracRetention.class);
      LocalDate today = today();
      List<PurgeCandidate> due = retention.due(m, today);
      PrintWriter out = spec.commandLine().getOut();
      out.println("referral_id,referral_date,last_referral_date");
      for (PurgeCandidate c : due) {
        out.println(c.referralId() + "," + c.referralDate() + "," + c.lastReferralDate());
      }
      if (dryRun) {
        out.println(
            due.size()
                + (due.size() == 1 ? " referral" : " referrals")
                + " would lose personal details (dry run: nothing was changed).");
        return 0;
      }
      int purged = retention.purge(m, today, "marac purge");
      out.println(
          "Personal details removed from " + purged + (purged == 1 ? " referral." : " referrals."));
      return 0;
    }
  }
}
