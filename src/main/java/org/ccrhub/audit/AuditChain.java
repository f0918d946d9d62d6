package org.ccrhub.audit;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Walks the whole trail in id order and finds, in every chain, the first record that breaks it;
 * then compares the end of each chain with the latest checkpoint, so that records removed from the
 * end of a chain (or a whole chain, or the whole table) are found too, and so that a chain with
 * records from before the checkpoint was begun must be in it. A checkpoint that is missing or
 * cannot be used is a problem of its own: without it, removals from the end cannot be found.
 */
final class AuditChain {

  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
  private static final String OLDER = "records from before keyed hashing";
  static final String RESTART_ADVICE =
      "Once you know why, start a new checkpoint with: audit checkpoint restart --reason"
          + " \"WHY\" (the old file is kept)";

  private final AuditKey key;
  private final Optional<AuditCheckpoint> checkpoint;
  private final List<Reference> references = new ArrayList<>();
  private final Map<Long, ChainEnd> chains = new HashMap<>();
  private final List<Problem> problems = new ArrayList<>();
  private final ChainEnd older = new ChainEnd();
  private boolean keyedBegun;
  private boolean olderAfterKeyedReported;
  private long checked;

  /** What a problem is about, which says whether a new checkpoint may be started despite it. */
  enum Kind {
    /** The records themselves: changed, removed from the middle, inserted or forged. */
    RECORDS,
    /** A chain compared with the checkpoint: it ends before it, or is not the chain it saw. */
    CHECKPOINTED_CHAIN,
    /** The checkpoint itself is missing or cannot be used. */
    CHECKPOINT
  }

  /**
   * A record that breaks its chain, a chain that does not reach its checkpoint, or a checkpoint
   * that cannot be compared with, and why.
   *
   * @param recordId the first broken record, or null when records are missing from the end
   * @param where which chain: e.g. "partnership 17", or the checkpoint's file
   * @param reason a plain explanation
   * @param kind what it is about
   */
  record Problem(@Nullable Long recordId, String where, String reason, Kind kind) {

    Problem(@Nullable Long recordId, String where, String reason) {
      this(recordId, where, reason, Kind.RECORDS);
    }

    /** One line for the operator. */
    String describe() {
      if (kind == Kind.CHECKPOINT) {
        return "Audit checkpoint " + where + " " + reason + ".";
      }
      return recordId == null
          ? "Audit trail broken (" + where + "): " + reason + "."
          : "Audit trail broken at record " + recordId + " (" + where + "): " + reason + ".";
    }
  }

  /**
   * The outcome of walking the whole trail.
   *
   * @param checked how many records were checked
   * @param chains how many chains they form
   * @param problems the first problem of each broken chain, earliest record first
   * @param checkpoint the checkpoint compared with, if there was one that could be used
   */
  record Verification(
      long checked, int chains, List<Problem> problems, Optional<AuditCheckpoint> checkpoint) {

    boolean intact() {
      return problems.isEmpty();
    }

    Optional<Problem> firstProblem() {
      return problems.stream().findFirst();
    }

    /** When the newest head of the checkpoint compared with was written, if it has one. */
    Optional<Instant> checkpointedAt() {
      return checkpoint.flatMap(AuditCheckpoint::newest);
    }
  }

  private static final class ChainEnd {
    long number;
    long recordId;
    String hash = AuditRecord.GENESIS;
    boolean broken;
    long firstRecordId;
    @Nullable Instant firstOccurredAt;
  }

  /**
   * What the chains must reach: the heads of the checkpoint, or of the application log.
   *
   * @param heads the newest record of each chain it names
   * @param checkpoint whether they are the checkpoint's (with the time each was checkpointed)
   * @param log otherwise, the log file they were read from
   */
  private record Reference(
      Map<Long, AuditCheckpoint.Head> heads, boolean checkpoint, @Nullable Path log) {

    String as(AuditCheckpoint.Head head) {
      return checkpoint
          ? "checkpointed as number "
              + head.number()
              + " of its chain on "
              + WHEN.format(head.checkpointedAt())
          : "named in the log " + log + " as number " + head.number() + " of its chain";
    }

    String was(AuditCheckpoint.Head head) {
      return checkpoint
          ? "was checkpointed on " + WHEN.format(head.checkpointedAt())
          : "is named in the log " + log;
    }
  }

  AuditChain(AuditKey key, Optional<AuditCheckpoint> checkpoint) {
    this.key = key;
    this.checkpoint = checkpoint;
    checkpoint.ifPresent(c -> references.add(new Reference(c.heads(), true, null)));
  }

  /**
   * Compares the chains with the newest heads named in the application log as well: records the log
   * saw must be there, even when the checkpoint file was rolled back with the database.
   */
  void compareWithLog(Path log, List<AuditCheckpoint.Head> heads) {
    Map<Long, AuditCheckpoint.Head> furthest = new HashMap<>();
    heads.forEach(h -> furthest.merge(h.chain(), h, (a, b) -> b.number() > a.number() ? b : a));
    references.add(new Reference(furthest, false, log));
  }

  /** The checkpoint cannot be used: that is a problem of its own. */
  void checkpointUnreadable(Path file, String reason) {
    problems.add(
        new Problem(
            null,
            file.toString(),
            "cannot be used: "
                + reason
                + ". CCR Hub leaves it as it is, and cannot tell whether records were removed from"
                + " the end of a chain. "
                + RESTART_ADVICE,
            Kind.CHECKPOINT));
  }

  /** There is no checkpoint, though CCR Hub began one at its first start. */
  void checkpointMissing(Path file) {
    problems.add(
        new Problem(
            null,
            file.toString(),
            "is missing. CCR Hub writes it when it first starts and keeps it as the trail grows, so"
                + " it was removed (or this data directory is not the one CCR Hub runs with), and"
                + " records removed from the end of a chain cannot be found. "
                + RESTART_ADVICE,
            Kind.CHECKPOINT));
  }

  /** Checks the next record; records must come in id order. */
  void check(AuditRecord record) {
    checked++;
    if (record.keyed()) {
      keyedBegun = true;
      checkKeyed(record);
    } else if (AuditRecord.SHA_256.equals(record.hashAlgorithm())) {
      checkOlder(record);
    } else {
      breakAt(
          older,
          record,
          OLDER,
          "its hash algorithm \"" + record.hashAlgorithm() + "\" is not one CCR Hub writes");
    }
  }

  private void checkOlder(AuditRecord record) {
    if (keyedBegun) {
      if (!olderAfterKeyedReported) {
        olderAfterKeyedReported = true;
        problems.add(
            new Problem(
                record.id(),
                OLDER,
                "it has an unkeyed SHA-256 hash but was written after keyed hashing began,"
                    + " so it was added outside CCR Hub"));
      }
      return;
    }
    if (older.broken) {
      return;
    }
    if (!record.previousHash().equals(older.hash)) {
      breakAt(
          older,
          record,
          OLDER,
          "it does not follow the record before it (a record was removed or inserted)");
    } else if (!record.hash().equals(record.sha256Hash())) {
      breakAt(older, record, OLDER, "its content was changed after it was recorded");
    }
    advance(older, record);
  }

  private void checkKeyed(AuditRecord record) {
    long chain = record.chain();
    ChainEnd end = chains.computeIfAbsent(chain, c -> new ChainEnd());
    if (end.firstOccurredAt == null) {
      end.firstRecordId = record.id();
      end.firstOccurredAt = record.occurredAt();
    }
    String where = where(chain);
    if (end.broken) {
      return;
    }
    long number = record.chainSeq() == null ? 0 : record.chainSeq();
    long expected = end.number + 1;
    if (!record.hash().equals(record.keyedHash(key))) {
      breakAt(
          end,
          record,
          where,
          "its hash does not match its content under the audit key: it was changed, or written"
              + " outside CCR Hub");
    } else if (number > expected) {
      breakAt(
          end,
          record,
          where,
          end.number == 0
              ? "it is number " + number + " of its chain, but the records before it are missing"
              : "it is number "
                  + number
                  + " of its chain, but the record before it (record "
                  + end.recordId
                  + ") is number "
                  + end.number
                  + ": records between them were removed");
    } else if (number < expected) {
      breakAt(
          end,
          record,
          where,
          "it is number " + number + " of its chain a second time: a record was inserted");
    } else if (chain == AuditRecord.NO_PARTNERSHIP
        && number == 1
        && older.number > 0
        && !AuditTrail.SEALED.equals(record.action())) {
      breakAt(
          end,
          record,
          where,
          "the "
              + older.number
              + " records written without the key before it were never sealed by CCR Hub (the"
              + " first keyed record after them is not the seal): they were added outside CCR Hub");
    } else if (!record.previousHash().equals(expectedPrevious(chain, end))) {
      breakAt(
          end,
          record,
          where,
          chain == AuditRecord.NO_PARTNERSHIP && number == 1
              ? "it does not follow the last record written before keyed hashing began"
                  + " (older records were removed, changed or added)"
              : "it does not follow the record before it in its chain"
                  + " (a record was removed, inserted or changed)");
    } else {
      for (Reference reference : references) {
        AuditCheckpoint.Head head = reference.heads().get(chain);
        if (head != null
            && head.number() == number
            && (head.recordId() != record.id() || !head.hash().equals(record.hash()))) {
          breakAt(
              end,
              record,
              where,
              Kind.CHECKPOINTED_CHAIN,
              "it is not the record "
                  + reference.as(head)
                  + " (record "
                  + head.recordId()
                  + "): the chain was rewritten");
        }
      }
    }
    advance(end, record);
  }

  private String expectedPrevious(long chain, ChainEnd end) {
    if (end.number > 0) {
      return end.hash;
    }
    return chain == AuditRecord.NO_PARTNERSHIP ? older.hash : AuditRecord.GENESIS;
  }

  private void breakAt(ChainEnd end, AuditRecord record, String where, String reason) {
    breakAt(end, record, where, Kind.RECORDS, reason);
  }

  private void breakAt(ChainEnd end, AuditRecord record, String where, Kind kind, String reason) {
    if (!end.broken) {
      end.broken = true;
      problems.add(new Problem(record.id(), where, reason, kind));
    }
  }

  private static void advance(ChainEnd end, AuditRecord record) {
    if (!end.broken) {
      end.number = record.chainSeq() == null ? end.number + 1 : record.chainSeq();
      end.recordId = record.id();
      end.hash = record.hash();
    }
  }

  /** The outcome, once every record was checked. */
  Verification result() {
    List<Problem> all = new ArrayList<>(problems);
    if (older.number > 0 && !chains.containsKey(AuditRecord.NO_PARTNERSHIP) && !older.broken) {
      all.add(
          new Problem(
              null,
              OLDER,
              "the record that sealed the "
                  + older.number
                  + " records written before keyed hashing began is missing"));
    }
    references.forEach(
        reference -> reference.heads().values().forEach(head -> compare(reference, head, all)));
    checkpoint.ifPresent(c -> c.coversFrom().ifPresent(from -> findUncovered(c, from, all)));
    all.sort(
        Comparator.comparing(Problem::recordId, Comparator.nullsLast(Comparator.naturalOrder())));
    return new Verification(
        checked, chains.size() + (older.number > 0 ? 1 : 0), List.copyOf(all), checkpoint);
  }

  /**
   * A chain begun before the checkpoint must be in it: CCR Hub begins a checkpoint before the
   * trail's first record, and a restarted one holds every chain there was. A chain begun after it
   * may not be in it yet (it is written a moment after commit, by whichever process wrote the
   * record), so comparing with when it was begun, not last written, cannot fail right after a
   * write.
   */
  private void findUncovered(AuditCheckpoint c, Instant from, List<Problem> all) {
    chains.forEach(
        (chain, end) -> {
          if (!c.heads().containsKey(chain)
              && end.firstOccurredAt != null
              && end.firstOccurredAt.isBefore(from)) {
            all.add(
                new Problem(
                    end.firstRecordId,
                    where(chain),
                    "the chain began on "
                        + WHEN.format(end.firstOccurredAt)
                        + ", before the checkpoint was begun on "
                        + WHEN.format(from)
                        + ", but the checkpoint does not hold it: the checkpoint was replaced by"
                        + " one that leaves this chain out",
                    Kind.CHECKPOINTED_CHAIN));
          }
        });
  }

  /**
   * The newest record of each chain that was checked, as a checkpoint holds it (for a new
   * checkpoint; only meaningful when no chain is broken).
   */
  List<AuditCheckpoint.Head> heads(Instant at) {
    return chains.entrySet().stream()
        .filter(e -> !e.getValue().broken && e.getValue().number > 0)
        .map(
            e ->
                new AuditCheckpoint.Head(
                    e.getKey(), e.getValue().number, e.getValue().recordId, e.getValue().hash, at))
        .toList();
  }

  private void compare(Reference reference, AuditCheckpoint.Head head, List<Problem> all) {
    ChainEnd end = chains.get(head.chain());
    String checkpointed =
        "record " + head.recordId() + " (number " + head.number() + ") " + reference.was(head);
    if (end == null) {
      all.add(
          new Problem(
              null,
              where(head.chain()),
              "the chain has no records, but " + checkpointed,
              Kind.CHECKPOINTED_CHAIN));
    } else if (!end.broken && end.number < head.number()) {
      all.add(
          new Problem(
              null,
              where(head.chain()),
              "the trail ends at record "
                  + end.recordId
                  + " (number "
                  + end.number
                  + "), but "
                  + checkpointed
                  + ": the newest records were removed",
              Kind.CHECKPOINTED_CHAIN));
    }
  }

  static String where(long chain) {
    return chain == AuditRecord.NO_PARTNERSHIP
        ? "records with no partnership"
        : "partnership " + chain;
  }
}
