package org.ccrhub.plans;

import java.util.concurrent.Callable;
import org.ccrhub.cli.CommandContext;
import org.ccrhub.exports.Exports;
import org.ccrhub.shared.Partnership;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code report exceptions}: the board's exception report for a plan and period. */
@Command(
    name = "exceptions",
    mixinStandardHelpOptions = true,
    description =
        "The exception report of a plan for a period: actions rated Red or Amber/Red (Red with"
            + " three levels) and overdue actions, with a summary.")
public final class ExceptionsCommand implements Callable<Integer> {
  private final CommandContext context;
  @Spec CommandSpec spec;

  @Mixin PlanPeriodOptions options;

  @Option(names = "--format", required = true, paramLabel = "csv|xlsx|pdf|html")
  String format;

  ExceptionsCommand(CommandContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    ReportingPeriod reportingPeriod = ReportingPeriod.parse(options.period);
    ReportFormat reportFormat = ReportFormat.parse(format);
    Partnership p = PlanCommands.partnership(context, options.partnership);
    DeliveryPlans plans = context.bean(DeliveryPlans.class);
    DeliveryPlan plan = plans.named(p, options.plan);
    ExceptionReport report = plans.exceptionReport(p, plan, reportingPeriod);
    context
        .bean(Exports.class)
        .write(
            PlanFiles.exceptionReport(p, plan, reportingPeriod, reportFormat.extension()),
            out -> context.bean(ExceptionReportDocuments.class).write(p, report, reportFormat, out),
            options.out);
    spec.commandLine()
        .getOut()
        .printf(
            "%d exceptions in %s for %s written to %s.%n",
            report.lines().size(), options.plan, reportingPeriod, options.out);
    return 0;
  }
}
