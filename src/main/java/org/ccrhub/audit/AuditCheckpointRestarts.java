package org.ccrhub.audit;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ccrhub.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An administrator starts a new audit checkpoint ({@code audit checkpoint restart --reason}) when
 * the one in the data directory is missing or cannot be used, when this data directory is new to a
 * trail that already has records, or after the database was restored from a backup older than the
 * checkpoint. CCR Hub never does this by itself: a new checkpoint stops {@code audit verify} from
 * reporting what the old one shows, so a person has to decide it, and say why.
 *
 * <p>Only a trail whose records all verify (under the key, in sequence, linked) gets a new
 * checkpoint: one would not mend broken records, and verify would go on reporting them. What the
 * old checkpoint showed (chains that end before it, say) is allowed, since that is what a restore
 * from a backup looks like; it is written into the audit record of the restart, and the old file is
 * kept beside the new one.
 */
@Service
class AuditCheckpointRestarts {

  static final String ACTION = "AUDIT_CHECKPOINT_RESTARTED";
  static final int MAX_REASON = 500;

  private final AuditTrail audit;
  private final AuditCheckpoints checkpoints;
  private final AuditKey key;
  private final TransactionTemplate snapshot;

  AuditCheckpointRestarts(
      AuditTrail audit,
      AuditCheckpoints checkpoints,
      AuditKey key,
      PlatformTransactionManager transactions) {
    this.audit = audit;
    this.checkpoints = checkpoints;
    this.key = key;
    this.snapshot = new TransactionTemplate(transactions);
    snapshot.setReadOnly(true);
    snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
  }

  /**
   * The new checkpoint, and what the old one showed that the database no longer matches.
   *
   * @param restarted the new checkpoint and where the old file is kept
   * @param comparedWithPrevious chains that did not match the old checkpoint (empty if it matched,
   *     was missing or could not be used)
   */
  record Outcome(
      AuditCheckpoints.Restarted restarted, List<AuditChain.Problem> comparedWithPrevious) {}

  /**
   * Checks every chain and, if their records verify, puts a checkpoint of their newest records in
   * place of the old file and records that in the trail.
   *
   * @throws InvalidInputException when no reason is given, or records are broken
   */
  Outcome restart(String reason) throws IOException {
    String why = new AuditCheckpoint.Restart(reason, null).reason();
    if (why.isBlank()) {
      throw new InvalidInputException(
          "--reason must say why the checkpoint is restarted, for example --reason \"the"
              + " database was restored from the backup of 3 December\"");
    }
    if (why.length() > MAX_REASON) {
      throw new InvalidInputException(
          "--reason is "
              + why.length()
              + " characters long; say why in "
              + MAX_REASON
              + " or fewer");
    }
    List<AuditChain.Problem> comparedWithPrevious = new ArrayList<>();
    AuditCheckpoints.Restarted restarted =
        checkpoints.restart(
            why,
            before -> {
              AuditChain records = new AuditChain(key, Optional.empty());
              AuditChain compared = audit.against(before);
              snapshot.executeWithoutResult(status -> audit.walk(List.of(records, compared)));
              AuditChain.Verification verified = records.result();
              if (!verified.intact()) {
                throw new InvalidInputException(refusal(verified));
              }
              compared.result().problems().stream()
                  .filter(p -> p.kind() == AuditChain.Kind.CHECKPOINTED_CHAIN)
                  .forEach(comparedWithPrevious::add);
              return records.heads(Instant.now());
            });
    audit.record(
        new AuditEntry(
            ACTION,
            "AuditCheckpoint",
            null,
            null,
            AuditEntry.Outcome.SUCCESS,
            summary(restarted, comparedWithPrevious)));
    return new Outcome(restarted, List.copyOf(comparedWithPrevious));
  }

  private static String refusal(AuditChain.Verification verified) {
    return "The audit checkpoint was not restarted: records of the audit trail are broken, and a new"
        + " checkpoint would not mend them.\n"
        + verified.problems().stream()
            .map(AuditChain.Problem::describe)
            .collect(Collectors.joining("\n"))
        + "\nFind out what happened first (see ADR 11). A new checkpoint can be started once every"
        + " chain verifies, for example after the records named above are restored from a backup.";
  }

  /** What the audit record of the restart says: the reason, the old file, no personal data. */
  private static String summary(
      AuditCheckpoints.Restarted restarted, List<AuditChain.Problem> comparedWithPrevious) {
    StringBuilder summary =
        new StringBuilder("Audit checkpoint restarted because: ")
            .append(restarted.checkpoint().restart().reason())
            .append(". ");
    AuditCheckpoints.Found before = restarted.before();
    if (before instanceof AuditCheckpoints.Found.Unusable unusable) {
      summary.append("The previous one could not be used (").append(unusable.reason()).append(')');
    } else if (before instanceof AuditCheckpoints.Found.Usable) {
      summary.append(
          comparedWithPrevious.isEmpty()
              ? "The previous one matched the trail"
              : "The previous one did not match the trail: "
                  + comparedWithPrevious.stream()
                      .map(p -> p.where() + ": " + p.reason())
                      .collect(Collectors.joining("; ")));
    } else {
      summary.append("There was no previous one");
    }
    restarted
        .keptAs()
        .ifPresent(file -> summary.append("; it is kept as ").append(file.getFileName()));
    return summary
        .append(". The new one holds ")
        .append(holding(restarted.checkpoint()))
        .append("; every chain verified.")
        .toString();
  }

  /** What a new checkpoint holds, in words. */
  static String holding(AuditCheckpoint checkpoint) {
    int chains = checkpoint.heads().size();
    return switch (chains) {
      case 0 -> "no chain yet (the trail has no keyed records)";
      case 1 -> "the newest record of the 1 chain";
      default -> "the newest record of each of the " + chains + " chains";
    };
  }
}
