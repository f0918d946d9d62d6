package org.ccrhub.marac;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code marac ...}: the MARAC commands. */
@Command(
    name = "marac",
    mixinStandardHelpOptions = true,
    description = "Create MARACs, manage their roles, import records and write the data return.",
    subcommands = {MaracCreateCommand.class, MaracRoleCommands.class})
public final class MaracCommands implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: marac create|role|...");
  }
}
