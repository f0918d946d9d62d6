package org.ccrhub.audit;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ccrhub.cli.CommandContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code audit verify}: checks the audit trail's chains and compares them with the checkpoint;
 * {@code audit checkpoint restart}: starts a new checkpoint, saying why.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Check the audit trail.",
    subcommands = {AuditCommands.Verify.class, AuditCommands.Checkpoint.class})
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
              + " Exit code 0 when intact, 1 naming the first broken record of each chain"
              + " (or a checkpoint that is missing or cannot be used).")
  static final class Verify implements Callable<Integer> {

    private final CommandContext context;
    @Spec CommandSpec spec;

    @Option(
        names = "--log",
        paramLabel = "FILE",
        description =
            "Also check that every chain reaches the newest record named in the \"Audit"
                + " checkpoint:\" lines of this CCR Hub server log (e.g. journalctl -u ccr-hub >"
                + " FILE). A log kept off the machine shows records removed even when the database"
                + " and the data directory were both rolled back. Give the log since the checkpoint"
                + " was last restarted.")
    Path log;

    Verify(CommandContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      List<AuditCheckpoint.Head> logged = log == null ? List.of() : AuditCheckpointLog.read(log);
      AuditTrail audit = context.bean(AuditTrail.class);
      AuditChain.Verification result =
          log == null ? audit.verify() : audit.verifyWithLog(log, logged);
      if (!result.intact()) {
        result.problems().forEach(p -> spec.commandLine().getErr().println(p.describe()));
        listRestarts(audit, spec.commandLine().getOut()); // for the record; not a problem
        return 1;
      }
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "Audit trail intact: %d records checked in %d chains; %s.%n",
          result.checked(),
          result.chains(),
          result
              .checkpointedAt()
              .map(
                  at ->
                      "the end of each chain matches the checkpoint of "
                          + AuditChain.WHEN.format(at))
              .orElse("the checkpoint " + audit.checkpointFile() + " has no chains yet"));
      if (log != null) {
        out.printf(
            "Every chain also reaches the newest record named in the log %s (%d %s).%n",
            log, logged.size(), logged.size() == 1 ? "chain" : "chains");
      }
      result.checkpoint().ifPresent(checkpoint -> describe(checkpoint, out));
      listRestarts(audit, out);
      return 0;
    }

    /**
     * Every restart of the checkpoint the trail records, with what each accepted, so that an
     * earlier restart is not hidden by a later one (or by removing the file it kept).
     */
    private static void listRestarts(AuditTrail audit, PrintWriter out) {
      List<AuditRecord> restarts = audit.checkpointRestarts();
      if (restarts.isEmpty()) {
        return;
      }
      out.printf(
          "The trail records %d %s of the checkpoint:%n",
          restarts.size(), restarts.size() == 1 ? "restart" : "restarts");
      restarts.forEach(
          r ->
              out.printf(
                  "- %s (record %d, by %s): %s%n",
                  AuditChain.WHEN.format(r.occurredAt()), r.id(), r.actor(), r.summary()));
    }

    private static void describe(AuditCheckpoint checkpoint, PrintWriter out) {
      if (checkpoint.started() == null) {
        return;
      }
      String on = AuditChain.WHEN.format(checkpoint.started());
      AuditCheckpoint.Restart restart = checkpoint.restart();
      if (restart == null) {
        out.printf("The checkpoint was begun on %s.%n", on);
      } else {
        out.printf(
            "The checkpoint was restarted on %s because: %s.%s%n",
            on,
            restart.reason(),
            restart.previous() == null
                ? ""
                : " The one before it is kept as " + restart.previous() + ".");
      }
    }
  }

  @Command(
      name = "checkpoint",
      mixinStandardHelpOptions = true,
      description = "Manage the audit checkpoint kept in the data directory.",
      subcommands = AuditCommands.Restart.class)
  static final class Checkpoint implements Runnable {

    @Spec CommandSpec spec;

    @Override
    public void run() {
      throw new ParameterException(
          spec.commandLine(), "Missing command: audit checkpoint restart --reason TEXT");
    }
  }

  @Command(
      name = "restart",
      mixinStandardHelpOptions = true,
      description =
          "Start a new audit checkpoint from the newest record of each chain, when the old one is"
              + " missing or cannot be used, this data directory is new to the trail, or the"
              + " database was restored from a backup. Refused while any record is broken. The old"
              + " file is kept beside the new one, and the restart is recorded in the trail.")
  static final class Restart implements Callable<Integer> {

    private final CommandContext context;
    @Spec CommandSpec spec;

    @Option(
        names = "--reason",
        required = true,
        paramLabel = "TEXT",
        description =
            "Why, e.g. \"the database was restored from the backup of 3 December\". It is kept in"
                + " the checkpoint and the audit trail: no personal data.")
    String reason;

    Restart(CommandContext context) {
      this.context = context;
    }

    @Override
    public Integer call() throws IOException {
      AuditCheckpointRestarts.Outcome outcome =
          context.bean(AuditCheckpointRestarts.class).restart(reason);
      AuditCheckpoints.Restarted restarted = outcome.restarted();
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "Audit checkpoint restarted: every chain verified, and %s now holds %s.%n",
          context.bean(AuditCheckpoints.class).file(),
          AuditCheckpointRestarts.holding(restarted.checkpoint()));
      restarted
          .keptAs()
          .ifPresentOrElse(
              file -> out.printf("The one before it is kept as %s.%n", file),
              () -> out.println("There was none before it."));
      if (!outcome.comparedWithPrevious().isEmpty()) {
        out.println("The one before it did not match the trail (this is in the audit record):");
        outcome.comparedWithPrevious().forEach(p -> out.println(p.describe()));
      }
      return 0;
    }
  }
}
