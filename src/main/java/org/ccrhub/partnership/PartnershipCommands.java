package org.ccrhub.partnership;

import java.util.concurrent.Callable;
import org.ccrhub.cli.CommandContext;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.RagScheme;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code partnership create} and {@code partnership list}. */
@Command(
    name = "partnership",
    mixinStandardHelpOptions = true,
    description = "Create and list partnerships.",
    subcommands = {PartnershipCommands.Create.class, PartnershipCommands.ListAll.class})
public final class PartnershipCommands implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: partnership create|list");
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a partnership.")
  static final class Create implements Callable<Integer> {
    private final CommandContext context;
    @Spec CommandSpec spec;

    @Option(
        names = "--slug",
        required = true,
        description = "Short name used in addresses, e.g. haringey.")
    String slug;

    @Option(names = "--name", required = true, description = "Full name of the partnership.")
    String name;

    @Option(
        names = "--rag-scheme",
        defaultValue = "four",
        paramLabel = "four|three",
        description =
            "RAG ratings with four levels (Green, Amber/Green, Amber/Red, Red; the"
                + " default) or three (Green, Amber, Red).")
    String ragScheme;

    Create(CommandContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Partnership.checkSlug(slug);
      Partnership.checkName(name);
      RagScheme scheme = RagScheme.parse(ragScheme);
      Partnership created = context.bean(Partnerships.class).create(slug, name, scheme);
      spec.commandLine()
          .getOut()
          .printf("Created partnership %s (%s).%n", created.slug(), created.name());
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List partnerships.")
  static final class ListAll implements Callable<Integer> {
    private final CommandContext context;
    @Spec CommandSpec spec;

    ListAll(CommandContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      for (Partnership p : context.bean(Partnerships.class).findAll()) {
        spec.commandLine().getOut().printf("%s\t%s%n", p.slug(), p.name());
      }
      return 0;
    }
  }
}
