package org.ccrhub.plans;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ccrhub.cli.CommandContext;
import org.ccrhub.cli.CommandFiles;
import org.ccrhub.exports.Exports;
import org.ccrhub.partnership.Partnerships;
import org.ccrhub.shared.Partnership;
import org.ccrhub.tabular.ImportProblem;
import org.ccrhub.tabular.TableFormat;
import org.ccrhub.tabular.Tables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code plan import} and {@code plan export}. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = "Import and export delivery plans.",
    subcommands = {PlanCommands.Import.class, PlanCommands.Export.class})
public final class PlanCommands implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: plan import|export");
  }

  static Partnership partnership(CommandContext context, String slug) {
    return context.bean(Partnerships.class).named(slug);
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description =
          "Import a plan from a CSV or XLSX file, all or nothing. Rows match actions by ref, so"
              + " importing the same file again changes nothing.")
  static final class Import implements Callable<Integer> {
    private final CommandContext context;
    @Spec CommandSpec spec;

    @Mixin PlanOptions which;

    @Option(
        names = "--year",
        paramLabel = "YEAR",
        description = "The plan's year, e.g. 2016/17 (needed for a new plan).")
    String year;

    @Option(
        names = "--last-year",
        paramLabel = "YEAR",
        description = "The last year of a plan that runs several years.")
    String lastYear;

    @Option(names = "--file", required = true, paramLabel = "FILE")
    Path file;

    @Option(
        names = "--period",
        paramLabel = "PERIOD",
        description = "Period of the ratings in rows without one, e.g. \"2016/17 Q2\".")
    String period;

    @Option(
        names = "--strategy",
        paramLabel = "NAME",
        description = "The strategy the plan belongs to.")
    String strategy;

    Import(CommandContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      PlanImportRequest request =
          new PlanImportRequest(
              which.planName,
              Optional.ofNullable(year).map(FinancialYear::parse),
              Optional.ofNullable(lastYear).map(FinancialYear::parse),
              Optional.ofNullable(period).map(ReportingPeriod::parse),
              Optional.ofNullable(strategy),
              CommandFiles.read(file, Tables.MAX_BYTES));
      Partnership p = which.partnership(context);
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      long started = System.nanoTime();
      try {
        PlanImport imports = context.bean(PlanImport.class);
        ImportResult result = imports.run(p, request);
        double seconds = (System.nanoTime() - started) / 1e9;
        result.warnings().forEach(w -> out.println("Warning: " + w));
        if (result.warningCount() > result.warnings().size()) {
          out.println(
              "Warning: and " + (result.warningCount() - result.warnings().size()) + " more.");
        }
        out.println(
            (result.planCreated() ? "Created plan " : "Imported into plan ")
                + which.planName
                + ".");
        out.println(result.summary());
        out.printf(
            java.util.Locale.ROOT, "Import took %.2f s for %d rows.%n", seconds, result.rows());
        return 0;
      } catch (ImportRejectedException e) {
        err.println(ImportProblem.nothingImported(e.result().errors()));
        e.result().errors().forEach(problem -> err.println(problem));
        err.printf(
            java.util.Locale.ROOT,
            "Reading and checking the file took %.2f s.%n",
            (System.nanoTime() - started) / 1e9);
        return 1;
      }
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Export a whole plan with one period's ratings, in the import format.")
  static final class Export implements Callable<Integer> {
    private final CommandContext context;
    @Spec CommandSpec spec;
    @Mixin PlanPeriodOptions options;

    @Option(names = "--format", required = true, paramLabel = "csv|xlsx|ods")
    String format;

    Export(CommandContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      ReportingPeriod reportingPeriod = ReportingPeriod.parse(options.period);
      TableFormat tableFormat = TableFormat.parse(format);
      Partnership p = partnership(context, options.partnership);
      DeliveryPlans plans = context.bean(DeliveryPlans.class);
      DeliveryPlan plan = plans.named(p, options.plan);
      PlanSnapshot snapshot = plans.snapshot(p, plan, reportingPeriod);
      context
          .bean(Exports.class)
          .write(
              PlanFiles.plan(p, plan, reportingPeriod, tableFormat.extension()),
              out -> PlanExport.write(snapshot, tableFormat, out),
              options.out);
      spec.commandLine()
          .getOut()
          .printf("Exported %d actions to %s.%n", snapshot.actions().size(), options.out);
      return 0;
    }
  }
}
