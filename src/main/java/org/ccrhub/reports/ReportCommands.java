package org.ccrhub.reports;

import org.ccrhub.indicators.PerformanceCommand;
import org.ccrhub.plans.ExceptionsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code report exceptions|performance|board-pack}: the papers a board reads. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Produce reports.",
    subcommands = {ExceptionsCommand.class, PerformanceCommand.class, BoardPackCommand.class})
public final class ReportCommands implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "Missing command: report exceptions|performance|board-pack");
  }
}
