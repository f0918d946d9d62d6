package org.ccrhub.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTests {

  private static final Instant T0 = Instant.parse("2026-11-22T10:15:30.123456Z");

  @Test
  void anUntouchedChainIsIntact() {
    AuditChain.Verification result = verify(chainOf(3));
    assertThat(result.intact()).isTrue();
    assertThat(result.checked()).isEqualTo(3);
  }

  @Test
  void anEmptyTrailIsIntact() {
    assertThat(verify(List.of()).intact()).isTrue();
  }

  @Test
  void findsARecordWhoseContentWasChanged() {
    List<AuditRecord> records = chainOf(4);
    AuditRecord second = records.get(1);
    records.set(
        1,
        copy(second, "SIGN_IN", "someone-else@example.org", second.previousHash(), second.hash()));

    AuditChain.Verification result = verify(records);

    assertThat(result.intact()).isFalse();
    assertThat(result.firstBreak().orElseThrow().recordId()).isEqualTo(2);
    assertThat(result.firstBreak().orElseThrow().reason()).contains("content was changed");
  }

  @Test
  void findsTheRecordAfterOneThatWasRemoved() {
    List<AuditRecord> records = chainOf(4);
    records.remove(1);

    AuditChain.Verification result = verify(records);

    assertThat(result.firstBreak().orElseThrow().recordId()).isEqualTo(3);
    assertThat(result.firstBreak().orElseThrow().reason()).contains("removed or inserted");
  }

  @Test
  void findsARewrittenRecordEvenWhenItsOwnHashWasRecomputed() {
    List<AuditRecord> records = chainOf(3);
    AuditRecord first = records.get(0);
    AuditRecord forged = copy(first, "SIGN_IN", "forger@example.org", first.previousHash(), null);
    records.set(0, forged);

    AuditChain.Verification result = verify(records);

    // the forged record is self-consistent, but the next one no longer follows it
    assertThat(result.firstBreak().orElseThrow().recordId()).isEqualTo(2);
  }

  @Test
  void theHashCoversEveryField() {
    AuditRecord record = chainOf(1).get(0);
    assertThat(record.expectedHash()).isEqualTo(record.hash());
    assertThat(copy(record, "SIGN_IN", record.actor() + " ", record.previousHash(), null).hash())
        .isNotEqualTo(record.hash());
  }

  private static AuditChain.Verification verify(List<AuditRecord> records) {
    AuditChain chain = new AuditChain();
    for (AuditRecord record : records) {
      if (!chain.check(record)) {
        break;
      }
    }
    return chain.result();
  }

  private static List<AuditRecord> chainOf(int size) {
    List<AuditRecord> records = new ArrayList<>();
    String previous = AuditRecord.GENESIS;
    for (int i = 1; i <= size; i++) {
      AuditRecord record =
          copy(
              new AuditRecord(
                  i,
                  T0.plusSeconds(i),
                  "user" + i + "@example.org",
                  (long) i,
                  7L,
                  "CREATE",
                  "Agency",
                  String.valueOf(i),
                  "SUCCESS",
                  "127.0.0.1",
                  "Created agency " + i,
                  previous,
                  ""),
              "CREATE",
              "user" + i + "@example.org",
              previous,
              null);
      records.add(record);
      previous = record.hash();
    }
    return records;
  }

  /** A copy with a new action and actor; a null hash means "compute the right one". */
  private static AuditRecord copy(
      AuditRecord r, String action, String actor, String previous, String hash) {
    AuditRecord draft =
        new AuditRecord(
            r.id(),
            r.occurredAt(),
            actor,
            r.actorAccountId(),
            r.partnershipId(),
            action,
            r.objectType(),
            r.objectId(),
            r.outcome(),
            r.sourceAddress(),
            r.summary(),
            previous,
            "");
    String finalHash = hash == null ? draft.expectedHash() : hash;
    return new AuditRecord(
        r.id(),
        r.occurredAt(),
        actor,
        r.actorAccountId(),
        r.partnershipId(),
        action,
        r.objectType(),
        r.objectId(),
        r.outcome(),
        r.sourceAddress(),
        r.summary(),
        previous,
        finalHash);
  }
}
