package org.ccrhub.marac;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.ccrhub.cli.CommandContext;
import org.ccrhub.indicators.Indicators;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.Partnership;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code marac indicators}: records the data return as indicators now, as the nightly job does. */
@Command(
    name = "indicators",
    mixinStandardHelpOptions = true,
    description =
        "Record the MARAC's data return of the last 8 completed quarters as the partnership's"
            + " indicators (MARAC<id>-CASES, -REPEATS, -REPEAT-PCT...), as the nightly job does.")
final class MaracIndicatorsCommand implements Callable<Integer> {
  private final CommandContext context;
  @Spec CommandSpec spec;
  @Mixin MaracRoleCommands.Which which;

  MaracIndicatorsCommand(CommandContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Partnership partnership = which.partnership(context);
    Marac marac = which.marac(context, partnership);
    LocalDate today = Dates.today(context.bean(Clock.class));
    Indicators.Recorded recorded =
        context.bean(MaracIndicators.class).publish(partnership, marac, today, "MARAC data return");
    spec.commandLine()
        .getOut()
        .printf(
            "Recorded %d values of %s's data return as indicators; %d were unchanged.%n",
            recorded.recorded(), marac.name(), recorded.unchanged());
    return 0;
  }
}
