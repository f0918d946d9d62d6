package org.ccrhub.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Audit records changed as someone with database access would change them. */
final class Tampered {

  private Tampered() {}

  /** A copy in another partnership, with another summary, link and hash. */
  static AuditRecord copy(
      AuditRecord r,
      @Nullable Long partnership,
      @Nullable String summary,
      String previous,
      String hash) {
    return new AuditRecord(
        r.id(),
        r.occurredAt(),
        r.actor(),
        r.actorAccountId(),
        partnership,
        r.action(),
        r.objectType(),
        r.objectId(),
        r.outcome(),
        r.sourceAddress(),
        summary,
        previous,
        hash,
        r.hashAlgorithm(),
        r.chainSeq());
  }

  /**
   * The chain with the summary of the record at index changed, and that record and every later one
   * linked to the one before it and hashed again by the function.
   */
  static List<AuditRecord> rewrite(
      List<AuditRecord> chain, int index, String summary, Function<AuditRecord, String> hash) {
    List<AuditRecord> rewritten = new ArrayList<>(chain.subList(0, index));
    for (AuditRecord r : chain.subList(index, chain.size())) {
      String previous =
          rewritten.isEmpty() ? r.previousHash() : rewritten.get(rewritten.size() - 1).hash();
      AuditRecord linked =
          copy(
              r,
              r.partnershipId(),
              rewritten.size() == index ? summary : r.summary(),
              previous,
              "");
      rewritten.add(
          copy(linked, linked.partnershipId(), linked.summary(), previous, hash.apply(linked)));
    }
    return rewritten;
  }
}
