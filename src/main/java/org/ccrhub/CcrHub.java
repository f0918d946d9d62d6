package org.ccrhub;

import org.ccrhub.api.TokenCommands;
import org.ccrhub.audit.AuditCommands;
import org.ccrhub.calendar.BankHolidayCommands;
import org.ccrhub.cli.CommandContext;
import org.ccrhub.cli.ServeCommand;
import org.ccrhub.database.BackupCommand;
import org.ccrhub.database.RestoreCommand;
import org.ccrhub.indicators.IndicatorCommands;
import org.ccrhub.marac.MaracCommands;
import org.ccrhub.partnership.PartnershipCommands;
import org.ccrhub.plans.LeadCommands;
import org.ccrhub.plans.PeriodCommands;
import org.ccrhub.plans.PlanCommands;
import org.ccrhub.reminders.ReminderCommands;
import org.ccrhub.reports.ReportCommands;
import org.ccrhub.security.UserCommands;
import org.ccrhub.sharing.SharingCommands;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The executable jar: the web server and the admin command line. With no command it serves.
 *
 * <p>Arguments in Spring's own form ({@code --spring.*}, {@code --ccr.*}, {@code --server.*},
 * {@code --logging.*}, {@code --management.*}) are passed to Spring for every command, so the
 * database and data-directory options work the same for {@code serve} and the admin commands.
 */
@Command(
    name = "ccr-hub",
    mixinStandardHelpOptions = true,
    versionProvider = CcrHub.Version.class,
    description =
        "CCR Hub: the coordinated community response to violence against women and girls.",
    subcommands = {
      ServeCommand.class,
      PartnershipCommands.class,
      UserCommands.class,
      TokenCommands.class,
      PlanCommands.class,
      PeriodCommands.class,
      LeadCommands.class,
      IndicatorCommands.class,
      ReportCommands.class,
      ReminderCommands.class,
      MaracCommands.class,
      SharingCommands.class,
      BankHolidayCommands.class,
      AuditCommands.class,
      BackupCommand.class,
      RestoreCommand.class
    })
public class CcrHub {

  public static void main(String[] args) {
    int code = run(args);
    if (code != ServeCommand.SERVING) {
      System.exit(code);
    }
  }

  /** Runs one command and returns its exit code, or {@link ServeCommand#SERVING} while serving. */
  public static int run(String... args) {
    CommandContext context = CommandContext.from(CcrHubApplication.class, args);
    String[] commandArgs = context.commandArgs();
    if (commandArgs.length == 0) {
      commandArgs = new String[] {"serve"};
    }
    CommandLine commandLine = context.commandLine(new CcrHub());
    int code = commandLine.execute(commandArgs);
    if (code != ServeCommand.SERVING) {
      context.close();
    }
    return code;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = CcrHub.class.getPackage().getImplementationVersion();
      return new String[] {"CCR Hub " + (version == null ? "development build" : version)};
    }
  }
}
