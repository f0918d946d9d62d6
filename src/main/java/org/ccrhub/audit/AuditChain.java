package org.ccrhub.audit;

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
 * end of a chain (or a whole chain, or the whole table) are found too.
 */
final class AuditChain {

  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
  private static final String OLDER = "records from before keyed hashing";

  private final AuditKey key;
  private final Optional<AuditCheckpoint> checkpoint;
  private final Map<Long, ChainEnd> chains = new HashMap<>();
  private final List<Problem> problems = new ArrayList<>();
  private final ChainEnd older = new ChainEnd();
  private boolean keyedBegun;
  private boolean olderAfterKeyedReported;
  private long checked;

  /**
   * A record that breaks its chain, or a chain that does not reach its checkpoint, and why.
   *
   * @param recordId the first broken record, or null when records are missing from the end
   * @param where which chain: e.g. "partnership 17"
   * @param reason a plain explanation
   */
  record Problem(@Nullable Long recordId, String where, String reason) {

    /** One line for the operator. */
    String describe() {
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
   * @param checkpointedAt when the latest checkpoint compared with was written, if there was one
   */
  record Verification(
      long checked, int chains, List<Problem> problems, Optional<Instant> checkpointedAt) {

    boolean intact() {
      return problems.isEmpty();
    }

    Optional<Problem> firstProblem() {
      return problems.stream().findFirst();
    }
  }

  private static final class ChainEnd {
    long number;
    long recordId;
    String hash = AuditRecord.GENESIS;
    boolean broken;
  }

  AuditChain(AuditKey key, Optional<AuditCheckpoint> checkpoint) {
    this.key = key;
    this.checkpoint = checkpoint;
  }

  /** The checkpoint could not be compared: that is a problem of its own. */
  void checkpointUnreadable(java.nio.file.Path file, String reason) {
    problems.add(new Problem(null, "the checkpoint " + file, reason));
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
      checkpointed(chain)
          .filter(head -> head.number() == number)
          .filter(head -> head.recordId() != record.id() || !head.hash().equals(record.hash()))
          .ifPresent(
              head ->
                  breakAt(
                      end,
                      record,
                      where,
                      "it is not the record checkpointed as number "
                          + number
                          + " of its chain on "
                          + WHEN.format(head.checkpointedAt())
                          + " (record "
                          + head.recordId()
                          + "): the chain was rewritten"));
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
    if (!end.broken) {
      end.broken = true;
      problems.add(new Problem(record.id(), where, reason));
    }
  }

  private static void advance(ChainEnd end, AuditRecord record) {
    if (!end.broken) {
      end.number = record.chainSeq() == null ? end.number + 1 : record.chainSeq();
      end.recordId = record.id();
      end.hash = record.hash();
    }
  }

  private Optional<AuditCheckpoint.Head> checkpointed(long chain) {
    return checkpoint.map(c -> c.heads().get(chain));
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
    checkpoint.ifPresent(c -> c.heads().values().forEach(head -> compare(head, all)));
    all.sort(
        Comparator.comparing(Problem::recordId, Comparator.nullsLast(Comparator.naturalOrder())));
    return new Verification(
        checked,
        chains.size() + (older.number > 0 ? 1 : 0),
        List.copyOf(all),
        checkpoint.flatMap(
            c ->
                c.heads().values().stream()
                    .map(AuditCheckpoint.Head::checkpointedAt)
                    .max(Comparator.naturalOrder())));
  }

  private void compare(AuditCheckpoint.Head head, List<Problem> all) {
    ChainEnd end = chains.get(head.chain());
    String checkpointed =
        "record "
            + head.recordId()
            + " (number "
            + head.number()
            + ") was checkpointed on "
            + WHEN.format(head.checkpointedAt());
    if (end == null) {
      all.add(
          new Problem(null, where(head.chain()), "the chain has no records, but " + checkpointed));
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
                  + ": the newest records were removed"));
    }
  }

  static String where(long chain) {
    return chain == AuditRecord.NO_PARTNERSHIP
        ? "records with no partnership"
        : "partnership " + chain;
  }
}
