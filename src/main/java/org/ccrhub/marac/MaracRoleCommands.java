package org.ccrhub.marac;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ccrhub.cli.CommandContext;
import org.ccrhub.partnership.Agencies;
import org.ccrhub.partnership.Agency;
import org.ccrhub.partnership.Partnerships;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.Member;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.Partnership;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code marac role grant|remove|list}: who holds which role in a MARAC. */
@Command(
    name = "role",
    mixinStandardHelpOptions = true,
    description = "Give, take away and list the roles of a MARAC's people.",
    subcommands = {
      MaracRoleCommands.Grant.class,
      MaracRoleCommands.Remove.class,
      MaracRoleCommands.ListAll.class
    })
final class MaracRoleCommands implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "Missing command: marac role grant|remove|list");
  }

  /** The options naming a partnership and one of its MARACs. */
  static class Which {
    @Option(names = "--partnership", required = true, paramLabel = "SLUG")
    String partnershipSlug;

    @Option(
        names = "--marac",
        paramLabel = "NAME",
        description = "The MARAC's name; may be left out when the partnership has one.")
    String maracName;

    Partnership partnership(CommandContext context) {
      return context.bean(Partnerships.class).named(partnershipSlug);
    }

    Marac marac(CommandContext context, Partnership partnership) {
      return context.bean(Maracs.class).named(partnership, maracName);
    }
  }

  /** The options naming a person and a role. */
  static class PersonAndRole extends Which {
    @Option(
        names = "--email",
        required = true,
        paramLabel = "EMAIL",
        description = "A member of the partnership.")
    String email;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description = "MARAC_COORDINATOR, MARAC_CHAIR, MARAC_MEMBER or IDVA.")
    String role;

    Member member(CommandContext context, Partnership partnership) {
      String wanted = email.strip().toLowerCase(Locale.ROOT);
      return context.bean(Accounts.class).members(partnership.id()).stream()
          .filter(m -> m.email().equals(wanted))
          .findFirst()
          .orElseThrow(
              () ->
                  new InvalidInputException(
                      wanted
                          + " is not a member of "
                          + partnership.name()
                          + ": add them first with user create"));
    }

    MaracRole maracRole() {
      try {
        return MaracRole.valueOf(role.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(
            "The role must be MARAC_COORDINATOR, MARAC_CHAIR, MARAC_MEMBER or IDVA, not "
                + role.strip());
      }
    }
  }

  @Command(
      name = "grant",
      mixinStandardHelpOptions = true,
      description =
          "Give a member of the partnership a role in the MARAC. They must then use two-factor"
              + " sign-in.")
  static final class Grant implements Callable<Integer> {
    private final CommandContext context;
    @Spec CommandSpec spec;
    @picocli.CommandLine.Mixin PersonAndRole which;

    @Option(
        names = "--agency",
        paramLabel = "AGENCY",
        description = "The agency a MARAC_MEMBER represents, by name.")
    String agency;

    Grant(CommandContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Partnership partnership = which.partnership(context);
      Marac marac = which.marac(context, partnership);
      MaracRole role = which.maracRole();
      Member member = which.member(context, partnership);
      Optional<Long> agencyId =
          Optional.ofNullable(agency).filter(a -> !a.isBlank()).map(a -> agencyId(partnership, a));
      context
          .bean(MaracRoles.class)
          .grant(partnership, marac, member.accountId(), role, agencyId, "command line");
      spec.commandLine()
          .getOut()
          .printf(
              "%s is now %s in %s. They must use two-factor sign-in from their next request.%n",
              member.email(), role.label(), marac.name());
      return 0;
    }

    private long agencyId(Partnership partnership, String name) {
      String wanted = name.strip().toLowerCase(Locale.ROOT);
      return context.bean(Agencies.class).findAll(partnership).stream()
          .filter(a -> a.name().toLowerCase(Locale.ROOT).equals(wanted))
          .map(Agency::id)
          .findFirst()
          .orElseThrow(
              () ->
                  new InvalidInputException(
                      partnership.name() + " has no agency called " + name.strip()));
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Take a role in the MARAC away from someone.")
  static final class Remove implements Callable<Integer> {
    private final CommandContext context;
    @Spec CommandSpec spec;
    @picocli.CommandLine.Mixin PersonAndRole which;

    Remove(CommandContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Partnership partnership = which.partnership(context);
      Marac marac = which.marac(context, partnership);
      MaracRole role = which.maracRole();
      Member member = which.member(context, partnership);
      context.bean(MaracRoles.class).remove(partnership, marac, member.accountId(), role);
      spec.commandLine()
          .getOut()
          .printf("%s is no longer %s in %s.%n", member.email(), role.label(), marac.name());
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List who holds which role in the MARAC: email,name,role,agency (CSV).")
  static final class ListAll implements Callable<Integer> {
    private final CommandContext context;
    @Spec CommandSpec spec;
    @picocli.CommandLine.Mixin Which which;

    ListAll(CommandContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Partnership partnership = which.partnership(context);
      Marac marac = which.marac(context, partnership);
      PrintWriter out = spec.commandLine().getOut();
      out.println("email,name,role,agency");
      for (MaracRoleHolder h : context.bean(MaracRoles.class).holders(marac)) {
        out.println(
            csv(h.email())
                + ","
                + csv(h.displayName())
                + ","
                + h.role().name()
                + ","
                + csv(h.agencyName().orElse("")));
      }
      return 0;
    }

    private static String csv(String value) {
      return value.matches("[^\",\r\n]*") ? value : "\"" + value.replace("\"", "\"\"") + "\"";
    }
  }
}
