package org.ccrhub.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.ccrhub.cli.CommandContext;
import org.ccrhub.shared.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code user create}: gives a person a role in a partnership, creating their account; {@code user
 * reset-2fa}: removes a member's two-factor sign-in, with a reason, so that they set it up again.
 */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = "Create user accounts and reset their two-factor sign-in.",
    subcommands = {UserCommands.Create.class, UserCommands.ResetTwoFactor.class})
public final class UserCommands implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "Missing command: user create or user reset-2fa");
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description =
          "Give a person a role in a partnership, creating their account if needed. Without"
              + " --password-stdin a one-time password is printed, to be changed at first sign-in.")
  static final class Create implements Callable<Integer> {
    private final CommandContext context;
    @Spec CommandSpec spec;

    @Option(names = "--partnership", required = true, paramLabel = "SLUG")
    String partnership;

    @Option(names = "--email", required = true, paramLabel = "EMAIL")
    String email;

    @Option(names = "--name", required = true, paramLabel = "NAME")
    String name;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description =
            "PARTNERSHIP_ADMIN, STRATEGIC_LEAD, ACTION_LEAD, ANALYST, VIEWER,"
                + " DATA_PROTECTION_LEAD or SHARING_OFFICER.")
    String role;

    @Option(names = "--password-stdin", description = "Read the password from standard input.")
    boolean passwordFromStdin;

    Create(CommandContext context) {
      this.context = context;
    }

    @Override
    public Integer call() throws IOException {
      Role parsedRole = Role.parse(role);
      Accounts.checkEmail(email);
      Accounts.checkName(name);
      String password = passwordFromStdin ? readPassword() : null;
      NewAccount account =
          context.bean(Accounts.class).addMember(partnership, email, name, parsedRole, password);
      PrintWriter out = spec.commandLine().getOut();
      if (account.created()) {
        out.printf(
            "Created %s with role %s in %s.%n", account.email(), parsedRole.name(), partnership);
      } else {
        out.printf(
            "%s already had an account: given role %s in %s; password unchanged.%n",
            account.email(), parsedRole.name(), partnership);
      }
      account
          .oneTimePassword()
          .ifPresent(
              p -> out.printf("One-time password (must be changed at first sign-in): %s%n", p));
      return 0;
    }

    private static String readPassword() throws IOException {
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line = reader.readLine();
      if (line == null || line.isEmpty()) {
        throw new InvalidInputException("No password was given on standard input");
      }
      return line;
    }
  }

  @Command(
      name = "reset-2fa",
      mixinStandardHelpOptions = true,
      description =
          "Remove a member's two-factor sign-in (a lost or new phone): they are signed out, and set"
              + " it up again at their next sign-in. The reason is kept in the audit trail.")
  static final class ResetTwoFactor implements Callable<Integer> {
    private final CommandContext context;
    @Spec CommandSpec spec;

    @Option(names = "--partnership", required = true, paramLabel = "SLUG")
    String partnership;

    @Option(names = "--email", required = true, paramLabel = "EMAIL")
    String email;

    @Option(
        names = "--reason",
        required = true,
        paramLabel = "TEXT",
        description = "Why, for the audit trail, e.g. \"new phone, confirmed by a call\".")
    String reason;

    ResetTwoFactor(CommandContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      TwoFactorEnrolments.checkReason(reason);
      String reset = context.bean(TwoFactorEnrolments.class).reset(partnership, email, reason);
      spec.commandLine()
          .getOut()
          .printf(
              "Reset two-factor sign-in for %s in %s: they set it up again at their next"
                  + " sign-in.%n",
              reset, partnership);
      return 0;
    }
  }
}
