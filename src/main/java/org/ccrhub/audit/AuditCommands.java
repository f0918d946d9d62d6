package org.ccrhub.audit;

import java.util.concurrent.Callable;
import org.ccrhub.cli.CommandContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code audit verify}: checks the audit trail's hash chain. */
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
          "Check that no audit record was changed, removed or inserted since it was written."
              + " Exit code 0 when intact, 1 at the first broken link.")
  static final class Verify implements Callable<Integer> {

    private final CommandContext context;
    @Spec CommandSpec spec;

    Verify(CommandContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      AuditChain.Verification result = context.bean(AuditTrail.class).verify();
      if (result.intact()) {
        spec.commandLine()
            .getOut()
            .printf("Audit trail intact: %d records checked.%n", result.checked());
        return 0;
      }
      AuditChain.Break broken = result.firstBreak().orElseThrow();
      spec.commandLine()
          .getErr()
          .printf("Audit trail broken at record %d: %s.%n", broken.recordId(), broken.reason());
      return 1;
    }
  }
}
