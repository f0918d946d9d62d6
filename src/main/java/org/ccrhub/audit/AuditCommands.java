package org.ccrhub.audit;

import java.util.concurrent.Callable;
import org.ccrhub.cli.CommandContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code audit verify}: checks the audit trail's chains and compares them with the checkpoint. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Check the audit trail.",
    subcommands = AuditCommands.Verify.class)
public final class AuditCommands implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: audit verify");
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description =
          "Check that no audit record was changed, removed or inserted since it was written,"
              + " and that no chain ends before its latest checkpoint."
              + " Exit code 0 when intact, 1 naming the first broken record of each chain.")
  static final class Verify implements Callable<Integer> {

    private final CommandContext context;
    @Spec CommandSpec spec;

    Verify(CommandContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      AuditTrail audit = context.bean(AuditTrail.class);
      AuditChain.Verification result = audit.verify();
      if (result.intact()) {
        spec.commandLine()
            .getOut()
            .printf(
                "Audit trail intact: %d records checked in %d chains; %s.%n",
                result.checked(),
                result.chains(),
                result
                    .checkpointedAt()
                    .map(
                        at ->
                            "the end of each chain matches the checkpoint of "
                                + AuditChain.WHEN.format(at))
                    .orElse(
                        "there is no checkpoint to compare the end of each chain with yet ("
                            + audit.checkpointFile()
                            + ")"));
        return 0;
      }
      result.problems().forEach(p -> spec.commandLine().getErr().println(p.describe()));
      return 1;
    }
  }
}
