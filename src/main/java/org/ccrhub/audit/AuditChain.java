package org.ccrhub.audit;

import java.util.Optional;

/** Walks the records in order and finds the first one that breaks the hash chain. */
final class AuditChain {

  private String expectedPrevious = AuditRecord.GENESIS;
  private long checked;
  private Optional<Break> firstBreak = Optional.empty();

  /** A record whose links do not hold, and why. */
  public record Break(long recordId, String reason) {}

  /** The outcome of walking the whole trail. */
  public record Verification(long checked, Optional<Break> firstBreak) {
    public boolean intact() {
      return firstBreak.isEmpty();
    }
  }

  /** Checks the next record; returns false once the chain is broken (later records not needed). */
  boolean check(AuditRecord record) {
    if (firstBreak.isPresent()) {
      return false;
    }
    checked++;
    if (!record.previousHash().equals(expectedPrevious)) {
      firstBreak =
          Optional.of(
              new Break(
                  record.id(),
                  "it does not follow the record before it (a record was removed or inserted)"));
    } else if (!record.hash().equals(record.expectedHash())) {
      firstBreak =
          Optional.of(new Break(record.id(), "its content was changed after it was recorded"));
    }
    expectedPrevious = record.hash();
    return firstBreak.isEmpty();
  }

  Verification result() {
    return new Verification(checked, firstBreak);
  }
}
