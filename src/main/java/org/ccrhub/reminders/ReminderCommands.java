package org.ccrhub.reminders;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.ccrhub.cli.CommandContext;
import org.ccrhub.mail.Mail;
import org.ccrhub.partnership.Partnerships;
import org.ccrhub.plans.DayText;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.Partnership;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code reminders send}: what the daily job does, for one partnership and any day. */
@Command(
    name = "reminders",
    mixinStandardHelpOptions = true,
    description = "Send the reminders of the reporting cycle.",
    subcommands = {ReminderCommands.Send.class})
public final class ReminderCommands implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: reminders send");
  }

  @Command(
      name = "send",
      mixinStandardHelpOptions = true,
      description =
          "Close the periods whose close date has passed and send the reminders due on a day, as"
              + " the daily job does. Prints one line per message: to,template,actions. Sending"
              + " twice on the same day sends nothing new.")
  static final class Send implements Callable<Integer> {
    private final CommandContext context;
    @Spec CommandSpec spec;

    @Option(names = "--partnership", required = true, paramLabel = "SLUG")
    String partnership;

    @Option(
        names = "--as-of",
        paramLabel = "DATE",
        description = "The day to send for, e.g. 2017-01-03 (default today).")
    String asOf;

    @Option(names = "--dry-run", description = "Say what would be sent; send and close nothing.")
    boolean dryRun;

    Send(CommandContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Partnership p = context.bean(Partnerships.class).named(partnership);
      LocalDate day =
          asOf == null
              ? Dates.today(context.bean(Clock.class))
              : DayText.parse(asOf).orElseGet(() -> Dates.today(context.bean(Clock.class)));
      List<Reminders.Sent> sent = context.bean(Reminders.class).send(p, day, dryRun);
      PrintWriter out = spec.commandLine().getOut();
      sent.forEach(s -> out.println(csv(s.to()) + "," + s.template() + "," + s.actions()));
      out.flush();
      PrintWriter err = spec.commandLine().getErr();
      if (dryRun) {
        err.println(count(sent.size()) + " would be sent for " + day + " (dry run: nothing sent).");
      } else {
        Mail mail = context.bean(Mail.class);
        int delivered = mail.deliverPending();
        err.println(
            count(sent.size())
                + " for "
                + day
                + (mail.canSend()
                    ? "; " + delivered + " delivered to the mail server now."
                    : "; no mail server is configured, so they are in the outbox (the Email page)."));
      }
      return 0;
    }

    private static String count(int n) {
      return n == 1 ? "1 message" : n + " messages";
    }

    /** A CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
    private static String csv(String value) {
      return value.matches("[^,\"\\r\\n]*") ? value : "\"" + value.replace("\"", "\"\"") + "\"";
    }
  }
}
