package org.ccrhub.api;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.ccrhub.cli.CommandContext;
import org.ccrhub.partnership.Partnerships;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code token create} makes a personal access token for a member and prints it once; {@code token
 * list} lists a partnership's tokens (never the tokens themselves); {@code token revoke} ends one.
 */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "Create, list and revoke personal access tokens for the REST API.",
    subcommands = {
      TokenCommands.Create.class,
      TokenCommands.List.class,
      TokenCommands.Revoke.class
    })
public final class TokenCommands implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: token create|list|revoke");
  }

  /** What the subcommands share: the partnership. */
  abstract static class TokenCommand implements Callable<Integer> {
    final CommandContext context;
    @Spec CommandSpec spec;

    @Option(names = "--partnership", required = true, paramLabel = "SLUG")
    String partnership;

    TokenCommand(CommandContext context) {
      this.context = context;
    }

    Partnership partnership() {
      return context.bean(Partnerships.class).named(partnership);
    }
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description =
          "Make a token that acts as a member in the partnership, with the roles they hold at each"
              + " request. The token is printed once and never stored: copy it now.")
  static final class Create extends TokenCommand {

    @Option(names = "--email", required = true, paramLabel = "EMAIL")
    String email;

    @Option(
        names = "--name",
        required = true,
        paramLabel = "NAME",
        description = "What the token is for, e.g. \"Power BI dashboard\".")
    String name;

    @Option(
        names = "--days",
        paramLabel = "N",
        description = "Days until it expires, 1 to 365 (default 90).")
    int days = ApiTokens.DEFAULT_DAYS;

    Create(CommandContext context) {
      super(context);
    }

    @Override
    public Integer call() {
      ApiTokens.checkName(name);
      ApiTokens.checkDays(days);
      NewApiToken made = context.bean(ApiTokens.class).create(partnership(), email, name, days);
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "Created API token %d '%s' for %s in %s, expiring %s.%n",
          made.token().id(),
          made.token().name(),
          made.token().ownerEmail(),
          partnership,
          Dates.date(made.token().expiresAt()));
      out.println("Copy it now: it is shown only this once.");
      out.println(made.secret());
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the partnership's tokens: id, status, owner, name, start, expiry.")
  static final class List extends TokenCommand {

    List(CommandContext context) {
      super(context);
    }

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Instant now = Instant.now();
      var tokens = context.bean(ApiTokens.class).partnershipTokens(partnership());
      if (tokens.isEmpty()) {
        out.println("No API tokens in " + partnership + ".");
      }
      for (ApiToken token : tokens) {
        out.printf(
            "%d\t%s\t%s\t%s\t%s\texpires %s\tlast used %s%n",
            token.id(),
            token.status(now).label(),
            token.ownerEmail(),
            token.name(),
            token.shownAs(),
            Dates.date(token.expiresAt()),
            token.lastUsedOn() == null ? "never" : Dates.date(token.lastUsedOn()));
      }
      return 0;
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token.")
  static final class Revoke extends TokenCommand {

    @Option(names = "--id", required = true, paramLabel = "N", description = "From token list.")
    long id;

    Revoke(CommandContext context) {
      super(context);
    }

    @Override
    public Integer call() {
      ApiToken token;
      try {
        token = context.bean(ApiTokens.class).revokeFromCommandLine(partnership(), id);
      } catch (NotFoundException e) {
        throw new InvalidInputException("No API token " + id + " in " + partnership);
      }
      spec.commandLine()
          .getOut()
          .printf(
              "Revoked API token %d '%s' of %s.%n", token.id(), token.name(), token.ownerEmail());
      return 0;
    }
  }
}
