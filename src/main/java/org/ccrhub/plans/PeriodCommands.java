package org.ccrhub.plans;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ccrhub.cli.CommandContext;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.Partnership;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code period open}, {@code period close} and {@code period list}: a plan's reporting cycle. */
@Command(
    name = "period",
    mixinStandardHelpOptions = true,
    description = "Open, close and list the reporting periods of a delivery plan.",
    subcommands = {
      PeriodCommands.Open.class,
      PeriodCommands.Close.class,
      PeriodCommands.ListAll.class
    })
public final class PeriodCommands implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: period open|close|list");
  }

  /** The options that name one plan's period. */
  static final class PlanAndPeriod extends PlanOptions {
    @Option(
        names = "--period",
        required = true,
        paramLabel = "PERIOD",
        description = "e.g. \"2016/17 Q3\"")
    String period;
  }

  @Command(
      name = "open",
      mixinStandardHelpOptions = true,
      description =
          "Open a period for updates, or change the dates of an open one. Updates are due by the"
              + " 10th working day after the quarter ends unless --due says otherwise.")
  static final class Open implements Callable<Integer> {
    private final CommandContext context;
    @Spec CommandSpec spec;
    @Mixin PlanAndPeriod which;

    @Option(names = "--due", paramLabel = "DATE", description = "Updates due by, e.g. 2017-01-13.")
    String due;

    @Option(
        names = "--closes",
        paramLabel = "DATE",
        description = "The period closes by itself at the end of this day.")
    String closes;

    Open(CommandContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      ReportingPeriod period = ReportingPeriod.parse(which.period);
      Optional<LocalDate> dueBy = Optional.ofNullable(due).flatMap(DayText::parse);
      Optional<LocalDate> closesOn = Optional.ofNullable(closes).flatMap(DayText::parse);
      Partnership p = which.partnership(context);
      DeliveryPlan plan = which.plan(context, p);
      ReportingPeriods.Period opened =
          context.bean(ReportingPeriods.class).open(p, plan, period, dueBy, closesOn);
      spec.commandLine()
          .getOut()
          .println(
              "Opened "
                  + period
                  + " of "
                  + plan.name()
                  + ": updates due by "
                  + Dates.date(opened.dueBy())
                  + opened.closesOn().map(c -> ", closes on " + Dates.date(c)).orElse("")
                  + ".");
      return 0;
    }
  }

  @Command(
      name = "close",
      mixinStandardHelpOptions = true,
      description = "Close a period: its updates can no longer change.")
  static final class Close implements Callable<Integer> {
    private final CommandContext context;
    @Spec CommandSpec spec;
    @Mixin PlanAndPeriod which;

    Close(CommandContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      ReportingPeriod period = ReportingPeriod.parse(which.period);
      Partnership p = which.partnership(context);
      DeliveryPlan plan = which.plan(context, p);
      boolean closed = context.bean(ReportingPeriods.class).close(p, plan, period);
      spec.commandLine()
          .getOut()
          .println(
              (closed ? "Closed " : "Already closed: ")
                  + period
                  + " of "
                  + plan.name()
                  + ". Its updates can no longer change.");
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List a plan's periods: period,due,closes,status (CSV).")
  static final class ListAll implements Callable<Integer> {
    private final CommandContext context;
    @Spec CommandSpec spec;

    @Mixin PlanOptions which;

    ListAll(CommandContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      DeliveryPlan found = which.plan(context, which.partnership(context));
      List<ReportingPeriods.Period> all = context.bean(ReportingPeriods.class).all(found);
      PrintWriter out = spec.commandLine().getOut();
      out.println("period,due,closes,status");
      all.forEach(
          x ->
              out.println(
                  x.period()
                      + ","
                      + x.dueBy()
                      + ","
                      + x.closesOn().map(LocalDate::toString).orElse("")
                      + ","
                      + (x.closed() ? "closed" : "open")));
      return 0;
    }
  }
}
