package org.ccrhub.audit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class AuditChainTests {

  private static final Instant T0 = Instant.parse("2026-11-22T10:15:30.123456Z");
  private static final AuditKey KEY =
      AuditKey.of("the audit key of this test, 32 bytes or more".getBytes(UTF_8), "test key");
  private static final AuditKey OTHER_KEY =
      AuditKey.of("someone else's key, also 32 bytes or longer".getBytes(UTF_8), "other key");

  private final Trail trail = new Trail();

  @Test
  void anUntouchedTrailOfSeveralChainsIsIntact() {
    trail.add(7L, 3).add(null, 2).add(8L, 1).add(7L, 1);

    AuditChain.Verification result = verify(trail.records);

    assertThat(result.problems()).isEmpty();
    assertThat(result.checked()).isEqualTo(7);
    assertThat(result.chains()).isEqualTo(3);
  }

  @Test
  void anEmptyTrailIsIntact() {
    assertThat(verify(List.of()).intact()).isTrue();
  }

  @Test
  void findsARecordWhoseContentWasChanged() {
    trail.add(7L, 4);
    trail.records.set(1, trail.withSummary(trail.records.get(1), "nothing to see here", false));

    assertThat(firstProblem(verify(trail.records)))
        .isEqualTo(
            "Audit trail broken at record 2 (partnership 7): its hash does not match its content"
                + " under the audit key: it was changed, or written outside CCR Hub.");
  }

  @Test
  void findsARecordRewrittenWithItsSha256AndEveryLaterOneRecomputed() {
    trail.add(7L, 4);
    List<AuditRecord> rewritten =
        Tampered.rewrite(trail.records, 1, "rewritten", AuditRecord::sha256Hash);

    assertThat(verify(rewritten).firstProblem().orElseThrow().recordId()).isEqualTo(2);
  }

  @Test
  void findsARecordRewrittenUnderAnotherKeyWithEveryLaterOneRecomputed() {
    trail.add(7L, 4);
    List<AuditRecord> rewritten =
        Tampered.rewrite(trail.records, 2, "rewritten", r -> r.keyedHash(OTHER_KEY));

    AuditChain.Problem problem = verify(rewritten).firstProblem().orElseThrow();
    assertThat(problem.recordId()).isEqualTo(3);
    assertThat(problem.reason()).contains("does not match its content under the audit key");
  }

  @Test
  void findsTheRecordAfterOneRemovedFromTheMiddleOfItsChain() {
    trail.add(7L, 4);
    trail.records.remove(1);

    assertThat(firstProblem(verify(trail.records)))
        .isEqualTo(
            "Audit trail broken at record 3 (partnership 7): it is number 3 of its chain, but the"
                + " record before it (record 1) is number 1: records between them were removed.");
  }

  @Test
  void reportsTheFirstBreakOfEveryChainInTheOrderOfTheRecords() {
    trail.add(7L, 3).add(8L, 3);
    trail.records.remove(4); // partnership 8's second
    trail.records.remove(1); // partnership 7's second

    AuditChain.Verification result = verify(trail.records);

    assertThat(result.problems())
        .extracting(AuditChain.Problem::recordId, AuditChain.Problem::where)
        .containsExactly(tuple(3L, "partnership 7"), tuple(6L, "partnership 8"));
  }

  @Test
  void refusesARecordMovedToAnotherChain() {
    trail.add(7L, 2).add(8L, 2);
    AuditRecord moved = trail.records.get(1);
    trail.records.set(1, trail.copy(moved, 8L, moved.summary(), moved.hash()));

    assertThat(verify(trail.records).firstProblem().orElseThrow().recordId()).isEqualTo(2);
  }

  @Test
  void findsTheNewestRecordsRemovedSinceTheCheckpoint() {
    trail.add(7L, 5);
    AuditCheckpoint checkpoint = trail.checkpoint();
    List<AuditRecord> shortened = trail.records.subList(0, 3);

    assertThat(firstProblem(verify(shortened, checkpoint)))
        .isEqualTo(
            "Audit trail broken (partnership 7): the trail ends at record 3 (number 3), but"
                + " record 5 (number 5) was checkpointed on 2026-11-22 10:20:00 UTC: the newest"
                + " records were removed.");
  }

  @Test
  void findsAChainEmptiedOrATruncatedTable() {
    trail.add(7L, 2).add(null, 1);
    AuditCheckpoint checkpoint = trail.checkpoint();

    assertThat(verify(List.of(), checkpoint).problems())
        .extracting(AuditChain.Problem::describe)
        .containsExactly(
            "Audit trail broken (records with no partnership): the chain has no records, but"
                + " record 3 (number 1) was checkpointed on 2026-11-22 10:20:00 UTC.",
            "Audit trail broken (partnership 7): the chain has no records, but record 2"
                + " (number 2) was checkpointed on 2026-11-22 10:20:00 UTC.");
  }

  @Test
  void acceptsACheckpointThatLagsBehindTheTrail() {
    trail.add(7L, 2);
    AuditCheckpoint checkpoint = trail.checkpoint();
    trail.add(7L, 3);

    AuditChain.Verification result = verify(trail.records, checkpoint);

    assertThat(result.problems()).isEmpty();
    assertThat(result.checkpointedAt()).contains(Instant.parse("2026-11-22T10:20:00Z"));
  }

  @Test
  void findsAChainBegunBeforeTheCheckpointWasBegunThatTheCheckpointDoesNotHold() {
    trail.add(7L, 2).add(8L, 2);
    AuditCheckpoint checkpoint =
        new AuditCheckpoint(
            KEY.fingerprint(),
            Instant.parse("2026-11-22T10:20:00Z"),
            null,
            Map.of(7L, trail.checkpoint().heads().get(7L)));

    assertThat(verify(trail.records, checkpoint).problems())
        .extracting(AuditChain.Problem::describe)
        .containsExactly(
            "Audit trail broken at record 3 (partnership 8): the chain began on 2026-11-22"
                + " 10:15:33 UTC, before the checkpoint was begun on 2026-11-22 10:20:00 UTC, but"
                + " the checkpoint does not hold it: the checkpoint was replaced by one that leaves"
                + " this chain out.");
  }

  @Test
  void acceptsAChainBegunAfterTheCheckpointThatItDoesNotHoldYet() {
    AuditCheckpoint checkpoint = AuditCheckpoint.begun(KEY, T0);
    trail.add(7L, 2).add(null, 1);

    AuditChain.Verification result = verify(trail.records, checkpoint);

    assertThat(result.problems()).isEmpty();
    assertThat(result.checkpointedAt()).isEmpty();
  }

  @Test
  void reportsAMissingCheckpointAndSaysHowToStartANewOne() {
    trail.add(7L, 2);
    AuditChain chain = new AuditChain(KEY, Optional.empty());
    chain.checkpointMissing(java.nio.file.Path.of("/srv/ccr-data/audit-checkpoint"));
    trail.records.forEach(chain::check);

    AuditChain.Verification result = chain.result();

    assertThat(result.problems())
        .extracting(AuditChain.Problem::kind, AuditChain.Problem::describe)
        .containsExactly(
            tuple(
                AuditChain.Kind.CHECKPOINT,
                "Audit checkpoint /srv/ccr-data/audit-checkpoint is missing. CCR Hub writes it when"
                    + " it first starts and keeps it as the trail grows, so it was removed (or this"
                    + " data directory is not the one CCR Hub runs with), and records removed from"
                    + " the end of a chain cannot be found. Once you know why, start a new"
                    + " checkpoint with: audit checkpoint restart --reason \"WHY\" (the old file"
                    + " is kept)."));
  }

  @Test
  void givesTheNewestRecordOfEachChainForANewCheckpoint() {
    trail.addOlder(2).add(null, 1).add(7L, 3);
    AuditChain chain = new AuditChain(KEY, Optional.empty());
    trail.records.forEach(chain::check);

    assertThat(chain.heads(T0))
        .extracting(
            AuditCheckpoint.Head::chain,
            AuditCheckpoint.Head::number,
            AuditCheckpoint.Head::recordId,
            AuditCheckpoint.Head::hash)
        .containsExactlyInAnyOrder(
            tuple(0L, 1L, 3L, trail.records.get(2).hash()),
            tuple(7L, 3L, 6L, trail.records.get(5).hash()));
  }

  @Test
  void findsAChainRewrittenAfterItsCheckpointEvenWithTheKey() {
    trail.add(7L, 3);
    AuditCheckpoint checkpoint = trail.checkpoint();
    List<AuditRecord> rewritten =
        Tampered.rewrite(trail.records, 0, "rewritten", r -> r.keyedHash(KEY));

    assertThat(firstProblem(verify(rewritten, checkpoint)))
        .startsWith(
            "Audit trail broken at record 3 (partnership 7): it is not the record checkpointed as"
                + " number 3 of its chain on 2026-11-22 10:20:00 UTC (record 3)");
  }

  @Test
  void findsTheNewestRecordsRemovedThatOnlyTheLogStillNames() {
    trail.add(7L, 5);
    List<AuditCheckpoint.Head> logged = List.copyOf(trail.checkpoint().heads().values());
    List<AuditRecord> rolledBack = trail.records.subList(0, 3);
    AuditCheckpoint rolledBackCheckpoint =
        new AuditCheckpoint(
            KEY.fingerprint(),
            Map.of(
                7L,
                new AuditCheckpoint.Head(
                    7, 3, 3, rolledBack.get(2).hash(), Instant.parse("2026-11-22T10:20:00Z"))));
    AuditChain chain = new AuditChain(KEY, Optional.of(rolledBackCheckpoint));
    chain.compareWithLog(java.nio.file.Path.of("ccr-hub.log"), logged);
    rolledBack.forEach(chain::check);

    assertThat(firstProblem(chain.result()))
        .isEqualTo(
            "Audit trail broken (partnership 7): the trail ends at record 3 (number 3), but record"
                + " 5 (number 5) is named in the log ccr-hub.log: the newest records were"
                + " removed.");
  }

  @Test
  void acceptsOlderSha256RecordsSealedByTheFirstRecordWithNoPartnership() {
    trail.addOlder(3).add(null, 1).add(7L, 2);

    AuditChain.Verification result = verify(trail.records);

    assertThat(result.problems()).isEmpty();
    assertThat(result.chains()).isEqualTo(3);
  }

  @Test
  void findsOlderRecordsFollowedByAKeyedRecordThatIsNotTheirSeal() {
    // a truncated table refilled with unkeyed forgeries, then a checkpoint restart recorded
    trail.addOlder(3).add(null, 1, "AUDIT_CHECKPOINT_RESTARTED").add(7L, 1);

    assertThat(firstProblem(verify(trail.records)))
        .isEqualTo(
            "Audit trail broken at record 4 (records with no partnership): the 3 records written"
                + " without the key before it were never sealed by CCR Hub (the first keyed record"
                + " after them is not the seal): they were added outside CCR Hub.");
  }

  @Test
  void findsOlderRecordsRewrittenWithRecomputedSha256AfterTheSeal() {
    trail.addOlder(3).add(null, 1);
    // edit the first older record and recompute the SHA-256 chain of the older records
    List<AuditRecord> records =
        new ArrayList<>(
            Tampered.rewrite(trail.records.subList(0, 3), 0, "rewritten", AuditRecord::sha256Hash));
    records.add(trail.records.get(3));

    assertThat(firstProblem(verify(records)))
        .isEqualTo(
            "Audit trail broken at record 4 (records with no partnership): it does not follow the"
                + " last record written before keyed hashing began (older records were removed,"
                + " changed or added).");
  }

  @Test
  void refusesAnUnkeyedRecordAddedAfterKeyedHashingBegan() {
    trail.addOlder(2).add(null, 1).addOlder(1);

    assertThat(firstProblem(verify(trail.records)))
        .isEqualTo(
            "Audit trail broken at record 4 (records from before keyed hashing): it has an"
                + " unkeyed SHA-256 hash but was written after keyed hashing began, so it was added"
                + " outside CCR Hub.");
  }

  @Test
  void findsOlderRecordsWhoseSealWasRemoved() {
    trail.addOlder(2).add(7L, 1);

    assertThat(firstProblem(verify(trail.records)))
        .isEqualTo(
            "Audit trail broken (records from before keyed hashing): the record that sealed the 2"
                + " records written before keyed hashing began is missing.");
  }

  @Test
  void stillChecksOlderRecordsAsBefore() {
    trail.addOlder(4);
    trail.records.set(1, trail.withSummary(trail.records.get(1), "changed", false));

    assertThat(firstProblem(verify(trail.records)))
        .isEqualTo(
            "Audit trail broken at record 2 (records from before keyed hashing): its content was"
                + " changed after it was recorded.");
  }

  @Test
  void theOlderHashIsTheSha256ItAlwaysWas() {
    // computed by the code before keyed hashing; records written then must still verify
    assertThat(
            AuditRecord.sha256Of(
                AuditRecord.GENESIS,
                T0,
                "ann@example.org",
                12L,
                7L,
                "CREATE",
                "Agency",
                "41",
                "SUCCESS",
                "127.0.0.1",
                "Created agency Police – Northbridge"))
        .isEqualTo("f526adb04ae09ad7c5acc736d5daec6b7c2b8796ed97a94495e95a32bbc364cf");
  }

  @Test
  void theKeyedHashCoversEveryFieldAndTheNumber() {
    trail.add(7L, 1);
    AuditRecord record = trail.records.get(0);
    assertThat(record.keyedHash(KEY)).isEqualTo(record.hash());
    assertThat(trail.withSummary(record, record.summary() + " ", true).hash())
        .isNotEqualTo(record.hash());
    AuditRecord renumbered =
        new AuditRecord(
            record.id(),
            record.occurredAt(),
            record.actor(),
            record.actorAccountId(),
            record.partnershipId(),
            record.action(),
            record.objectType(),
            record.objectId(),
            record.outcome(),
            record.sourceAddress(),
            record.summary(),
            record.previousHash(),
            record.hash(),
            record.hashAlgorithm(),
            2L);
    assertThat(renumbered.keyedHash(KEY)).isNotEqualTo(record.hash());
    assertThat(record.keyedHash(OTHER_KEY)).isNotEqualTo(record.hash());
  }

  private static AuditChain.Verification verify(List<AuditRecord> records) {
    return verify(records, null);
  }

  private static AuditChain.Verification verify(
      List<AuditRecord> records, @Nullable AuditCheckpoint checkpoint) {
    AuditChain chain = new AuditChain(KEY, Optional.ofNullable(checkpoint));
    records.forEach(chain::check);
    return chain.result();
  }

  private static String firstProblem(AuditChain.Verification result) {
    return result.firstProblem().orElseThrow().describe();
  }

  /** Records as CCR Hub writes them, in id order. */
  private static final class Trail {
    final List<AuditRecord> records = new ArrayList<>();

    Trail add(@Nullable Long partnership, int count) {
      return add(partnership, count, null);
    }

    /**
     * Records of a chain; the first with no partnership after older records is their seal, unless
     * another action is given.
     */
    Trail add(@Nullable Long partnership, int count, @Nullable String firstAction) {
      for (int i = 0; i < count; i++) {
        long id = records.size() + 1L;
        long chain = AuditRecord.chainOf(partnership);
        List<AuditRecord> same =
            records.stream().filter(r -> r.keyed() && r.chain() == chain).toList();
        String previous =
            same.isEmpty()
                ? (chain == 0 ? olderHead() : AuditRecord.GENESIS)
                : same.get(same.size() - 1).hash();
        boolean sealing =
            chain == 0 && same.isEmpty() && records.stream().anyMatch(r -> !r.keyed());
        String action =
            same.isEmpty() && firstAction != null
                ? firstAction
                : sealing ? AuditTrail.SEALED : "CREATE";
        AuditRecord draft =
            record(
                id,
                partnership,
                action,
                "Created agency " + id,
                previous,
                "",
                AuditRecord.HMAC_SHA_256,
                same.size() + 1L);
        records.add(copy(draft, partnership, draft.summary(), draft.keyedHash(KEY)));
      }
      return this;
    }

    Trail addOlder(int count) {
      for (int i = 0; i < count; i++) {
        long id = records.size() + 1L;
        AuditRecord draft =
            record(
                id,
                7L,
                "CREATE",
                "Created agency " + id,
                olderHead(),
                "",
                AuditRecord.SHA_256,
                null);
        records.add(copy(draft, 7L, draft.summary(), draft.sha256Hash()));
      }
      return this;
    }

    private String olderHead() {
      List<AuditRecord> older = records.stream().filter(r -> !r.keyed()).toList();
      return older.isEmpty() ? AuditRecord.GENESIS : older.get(older.size() - 1).hash();
    }

    AuditCheckpoint checkpoint() {
      Map<Long, AuditCheckpoint.Head> heads = new java.util.TreeMap<>();
      for (AuditRecord r : records) {
        if (r.keyed()) {
          heads.put(
              r.chain(),
              new AuditCheckpoint.Head(
                  r.chain(),
                  r.chainSeq(),
                  r.id(),
                  r.hash(),
                  Instant.parse("2026-11-22T10:20:00Z")));
        }
      }
      return new AuditCheckpoint(KEY.fingerprint(), heads);
    }

    /** A copy with another summary; its hash recomputed (with the key) or kept. */
    AuditRecord withSummary(AuditRecord r, @Nullable String summary, boolean recompute) {
      AuditRecord changed = copy(r, r.partnershipId(), summary, r.hash());
      return recompute
          ? copy(changed, r.partnershipId(), summary, changed.keyedHash(KEY))
          : changed;
    }

    AuditRecord copy(
        AuditRecord r, @Nullable Long partnership, @Nullable String summary, String hash) {
      return Tampered.copy(r, partnership, summary, r.previousHash(), hash);
    }

    private static AuditRecord record(
        long id,
        @Nullable Long partnership,
        String action,
        String summary,
        String previous,
        String hash,
        String algorithm,
        @Nullable Long number) {
      return new AuditRecord(
          id,
          T0.plusSeconds(id),
          "user" + id + "@example.org",
          id,
          partnership,
          action,
          "Agency",
          String.valueOf(id),
          "SUCCESS",
          "127.0.0.1",
          summary,
          previous,
          hash,
          algorithm,
          number);
    }
  }
}
