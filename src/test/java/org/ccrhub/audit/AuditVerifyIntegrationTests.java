package org.ccrhub.audit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ccrhub.AdminCommands;
import org.ccrhub.CcrHubTest;
import org.ccrhub.DatabaseAdministrator;
import org.ccrhub.Fixtures;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Someone with full database access tampers with the audit trail, bypassing the table's triggers as
 * a superuser or the owner can: {@code audit verify} exits with 1 and says what was done where.
 * Each test puts the table and the checkpoint back as they were (and checks that the trail verifies
 * again), since the other tests share this database and data directory.
 */
@CcrHubTest
class AuditVerifyIntegrationTests {

  private static final AuditKey WRONG_KEY =
      AuditKey.of("a key that is not the installation's one".getBytes(UTF_8), "wrong key");

  @Autowired Fixtures fixtures;
  @Autowired AuditTrail audit;
  @Autowired AdminCommands commands;
  @Autowired AuditCheckpoints checkpoints;
  @Autowired DatabaseAdministrator administrator;
  @Autowired AuditKey key;

  private Superuser superuser;
  private Partnership partnership;
  private List<Map<String, Object>> saved = List.of();
  private String savedCheckpoint = "";

  @BeforeEach
  void aPartnershipWithFiveRecordsInItsChain() throws IOException {
    superuser = Superuser.of(administrator);
    if (!Files.exists(checkpoints.file())) {
      // on the external test database, another test application may have written the trail first:
      // this data directory is then new to it, as a second server's is
      commands.run(
          "audit", "checkpoint", "restart", "--reason", "a new data directory for the test trail");
    }
    partnership = fixtures.partnership();
    fixtures.user(partnership, Role.ANALYST);
    fixtures.user(partnership, Role.VIEWER);
    checkpoints.flush();
    saved = rows("select * from audit_event order by id");
    savedCheckpoint = Files.readString(checkpoints.file());
    assertThat(chain()).hasSize(5);
  }

  @AfterEach
  void theTrailIsPutBackAndVerifiesAgain() throws IOException {
    superuser.tamper(
        sql -> {
          sql.sql("delete from audit_event").update();
          for (Map<String, Object> row : saved) {
            insert(sql, row);
          }
        });
    Files.writeString(checkpoints.file(), savedCheckpoint);
    for (Path kept : replacedCheckpoints()) {
      Files.delete(kept);
    }
    assertThat(audit.verify().problems()).isEmpty();
  }

  @Test
  void anIntactTrailVerifiesAndMatchesItsCheckpoint() {
    AdminCommands.Result result = commands.run("audit", "verify");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .startsWith("Audit trail intact: " + saved.size() + " records checked in ")
        .contains("chains; the end of each chain matches the checkpoint of ");
  }

  @Test
  void aForgedRecordAppendedWithARecomputedSha256IsReported() {
    AuditRecord head = chain().get(4);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    String sha256 =
        AuditRecord.sha256Of(
            head.hash(),
            now,
            "forger@example.org",
            null,
            partnership.id(),
            "DELETE",
            "Agency",
            "1",
            "SUCCESS",
            "10.0.0.1",
            "Deleted agency Police");
    long forged =
        superuser.inTransaction(
            sql ->
                sql.sql(
                        """
                        insert into audit_event (occurred_at, actor, partnership_id, action,
                            object_type, object_id, outcome, source_address, summary,
                            previous_hash, hash, hash_algorithm, chain_seq)
                        values (:at, 'forger@example.org', :p, 'DELETE', 'Agency', '1', 'SUCCESS',
                            '10.0.0.1', 'Deleted agency Police', :previous, :hash, 'HMAC-SHA256', 6)
                        returning id
                        """)
                    .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .param("p", partnership.id())
                    .param("previous", head.hash())
                    .param("hash", sha256)
                    .query(Long.class)
                    .single());

    assertBroken(forgedAt(forged));
  }

  @Test
  void aForgedRecordInTheOlderUnkeyedFormatIsReported() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    String sha256 =
        AuditRecord.sha256Of(
            AuditRecord.GENESIS,
            now,
            "forger@example.org",
            null,
            partnership.id(),
            "DELETE",
            null,
            null,
            "SUCCESS",
            null,
            "forged");
    long forged =
        superuser.inTransaction(
            sql ->
                sql.sql(
                        """
                        insert into audit_event (occurred_at, actor, partnership_id, action,
                            outcome, summary, previous_hash, hash, hash_algorithm)
                        values (:at, 'forger@example.org', :p, 'DELETE', 'SUCCESS', 'forged',
                            :previous, :hash, 'SHA-256')
                        returning id
                        """)
                    .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .param("p", partnership.id())
                    .param("previous", AuditRecord.GENESIS)
                    .param("hash", sha256)
                    .query(Long.class)
                    .single());

    assertBroken(
        "Audit trail broken at record "
            + forged
            + " (records from before keyed hashing): it has an unkeyed SHA-256 hash but was"
            + " written after keyed hashing began, so it was added outside CCR Hub.");
  }

  @Test
  void theNewestRecordsDeletedAreReportedAgainstTheCheckpoint() {
    List<AuditRecord> chain = chain();
    deleteFrom(chain.get(3));

    assertBroken(
        "Audit trail broken (partnership "
            + partnership.id()
            + "): the trail ends at record "
            + chain.get(2).id()
            + " (number 3), but record "
            + chain.get(4).id()
            + " (number 5) was checkpointed on ");
  }

  @Test
  void newRecordsAppendedAfterTheNewestWereDeletedDoNotCoverItUp() throws IOException {
    List<AuditRecord> chain = chain();
    deleteFrom(chain.get(3));
    for (int i = 0; i < 3; i++) {
      audit.record(
          AuditEntry.success("UPDATE", "Agency", i, partnership.id(), "A later change " + i));
    }
    checkpoints.flush();
    long newFifth = chain().get(4).id();

    assertBroken(
        "Audit trail broken at record "
            + newFifth
            + " (partnership "
            + partnership.id()
            + "): it is not the record checkpointed as number 5 of its chain on ");
  }

  @Test
  void aChainEmptiedIsReportedAgainstTheCheckpoint() {
    List<AuditRecord> chain = chain();
    superuser.tamper(
        sql ->
            sql.sql("delete from audit_event where partnership_id = :p")
                .param("p", partnership.id())
                .update());

    assertBroken(noRecordsLeft(chain));
  }

  @Test
  void aTruncatedTableIsReportedAgainstTheCheckpoint() {
    List<AuditRecord> chain = chain();
    superuser.tamper(sql -> sql.sql("truncate audit_event").update());

    AdminCommands.Result result = commands.run("audit", "verify");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("Audit trail broken (").contains(noRecordsLeft(chain));
  }

  @Test
  void aCheckpointIsNotRestartedWhileARecordIsBroken() throws IOException {
    AuditRecord second = chain().get(1);
    superuser.tamper(
        sql ->
            sql.sql("update audit_event set summary = 'nothing to see here' where id = :id")
                .param("id", second.id())
                .update());

    AdminCommands.Result result =
        commands.run("audit", "checkpoint", "restart", "--reason", "to hide an edit");

    assertThat(result.exitCode()).as(result.out()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "The audit checkpoint was not restarted: records of the audit trail are broken, and a"
                + " new checkpoint would not mend them.\n"
                + forgedAt(second.id())
                + "\nFind out what happened first (see ADR 11). A new checkpoint can be started"
                + " once every chain verifies, for example after the records named above are"
                + " restored from a backup.\n");
    assertThat(Files.readString(checkpoints.file())).isEqualTo(savedCheckpoint);
    assertThat(replacedCheckpoints()).isEmpty();
    assertThat(rows("select * from audit_event where action = 'AUDIT_CHECKPOINT_RESTARTED'"))
        .hasSameSizeAs(
            saved.stream()
                .filter(r -> "AUDIT_CHECKPOINT_RESTARTED".equals(r.get("action")))
                .toList());
  }

  @Test
  void aCheckpointRestartedAfterADatabaseRestoreRecordsWhatTheOldOneShowed() throws IOException {
    List<AuditRecord> chain = chain();
    deleteFrom(chain.get(3)); // as a restore of a backup from before the last two records
    String reason = "the database was restored from the backup of 3 December";

    AdminCommands.Result restarted =
        commands.run("audit", "checkpoint", "restart", "--reason", reason);

    assertThat(restarted.exitCode()).as(restarted.err()).isZero();
    String behind =
        "partnership "
            + partnership.id()
            + ": the trail ends at record "
            + chain.get(2).id()
            + " (number 3), but record "
            + chain.get(4).id()
            + " (number 5) was checkpointed on ";
    assertThat(restarted.out())
        .contains(
            "\nThe one before it did not match the trail (this is in the audit record):\n"
                + "Audit trail broken ("
                + behind.replaceFirst(": ", "): "));
    assertThat(replacedCheckpoints()).hasSize(1);
    assertThat(Files.readString(replacedCheckpoints().get(0))).isEqualTo(savedCheckpoint);
    Map<String, Object> record =
        superuser
            .jdbc()
            .sql("select * from audit_event order by id desc limit 1")
            .query()
            .singleRow();
    assertThat(record.get("action")).isEqualTo("AUDIT_CHECKPOINT_RESTARTED");
    assertThat((String) record.get("summary"))
        .startsWith(
            "Audit checkpoint restarted because: "
                + reason
                + ". The previous one did not match the trail: ")
        .contains(behind)
        .contains("; it is kept as " + replacedCheckpoints().get(0).getFileName() + ". ");

    AdminCommands.Result verified = commands.run("audit", "verify");
    assertThat(verified.exitCode()).as(verified.err()).isZero();
    assertThat(verified.out())
        .contains(
            "\nThe checkpoint was restarted on ",
            " because: " + reason + ". The one before it is kept as audit-checkpoint.replaced-")
        .as("every restart the trail records, with what it accepted")
        .containsPattern(
            "\nThe trail records \\d+ restarts? of the checkpoint:\n(.*\n)*- .*\\(record "
                + record.get("id")
                + ", by .*\\): Audit checkpoint restarted because: "
                + java.util.regex.Pattern.quote(reason)
                + "\\. The previous one did not match the trail: .*"
                + java.util.regex.Pattern.quote(behind));
  }

  @Test
  void aRollbackOfTheDatabaseAndTheDataDirectoryTogetherIsFoundAgainstTheLog(@TempDir Path logs)
      throws IOException {
    List<AuditRecord> chain = chain();
    Path log = logs.resolve("ccr-hub.log");
    Files.writeString(
        log,
        "2026-12-02T10:15:00.123Z  INFO 4242 --- [ccr-hub] [audit-checkpoint]"
            + " o.ccrhub.audit.AuditCheckpoints : Audit checkpoint: partnership "
            + partnership.id()
            + " at record "
            + chain.get(4).id()
            + " (number 5, hash "
            + chain.get(4).hash()
            + ")\n");
    AdminCommands.Result before = commands.run("audit", "verify", "--log", log.toString());
    assertThat(before.exitCode()).as(before.err()).isZero();
    assertThat(before.out())
        .contains("\nEvery chain also reaches the newest record named in the log " + log);

    // the database and the data directory restored from backups taken after the third record
    deleteFrom(chain.get(3));
    AuditCheckpoint saved = AuditCheckpoint.read(savedCheckpoint, key);
    Map<Long, AuditCheckpoint.Head> heads = new TreeMap<>(saved.heads());
    heads.put(
        partnership.id(),
        new AuditCheckpoint.Head(
            partnership.id(), 3, chain.get(2).id(), chain.get(2).hash(), Instant.now()));
    Files.writeString(
        checkpoints.file(),
        new AuditCheckpoint(saved.keyFingerprint(), saved.started(), saved.restart(), heads)
            .write(key));

    AdminCommands.Result alone = commands.run("audit", "verify");
    assertThat(alone.exitCode())
        .as("both copies were rolled back: only the log shows it (ADR 11)")
        .isZero();
    AdminCommands.Result withLog = commands.run("audit", "verify", "--log", log.toString());
    assertThat(withLog.exitCode()).as(withLog.out()).isEqualTo(1);
    assertThat(withLog.err())
        .isEqualTo(
            "Audit trail broken (partnership "
                + partnership.id()
                + "): the trail ends at record "
                + chain.get(2).id()
                + " (number 3), but record "
                + chain.get(4).id()
                + " (number 5) is named in the log "
                + log
                + ": the newest records were removed.\n");
  }

  @Test
  void checkpointLinesAreFoundInAJsonLog(@TempDir Path logs) throws IOException {
    List<AuditRecord> chain = chain();
    AuditRecord newest = chain.get(4);
    Path json = logs.resolve("ccr-hub.json");
    Files.writeString(
        json,
        "{\"@timestamp\":\"2026-12-02T10:14:00Z\",\"message\":\"Started CcrHub\"}\n"
            + JsonLogLines.checkpoint(
                List.of(
                    new AuditCheckpoint.Head(
                        partnership.id(), 5, newest.id(), newest.hash(), Instant.now()))));
    assertThat(Files.readString(json)).contains("\"message\":\"Audit checkpoint: partnership ");

    AdminCommands.Result intact = commands.run("audit", "verify", "--log", json.toString());
    assertThat(intact.exitCode()).as(intact.err()).isZero();
    assertThat(intact.out())
        .contains("\nEvery chain also reaches the newest record named in the log " + json);

    // a JSON log naming a record the trail no longer has: read, and reported
    Files.writeString(
        json,
        JsonLogLines.checkpoint(
            List.of(
                new AuditCheckpoint.Head(
                    partnership.id(), 6, newest.id() + 1_000_000, newest.hash(), Instant.now()))),
        java.nio.file.StandardOpenOption.APPEND);
    AdminCommands.Result ahead = commands.run("audit", "verify", "--log", json.toString());
    assertThat(ahead.exitCode()).as(ahead.out()).isEqualTo(1);
    assertThat(ahead.err()).contains("(number 6) is named in the log " + json);
  }

  @Test
  void aLogWithoutCheckpointLinesIsRefused(@TempDir Path logs) throws IOException {
    Path log = Files.writeString(logs.resolve("other.log"), "INFO Started CcrHub\n");

    AdminCommands.Result result = commands.run("audit", "verify", "--log", log.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("The log " + log + " has no \"Audit checkpoint:\" lines");
  }

  @Test
  void aRecordDeletedFromTheMiddleIsReported() {
    List<AuditRecord> chain = chain();
    superuser.tamper(
        sql ->
            sql.sql("delete from audit_event where id = :id")
                .param("id", chain.get(1).id())
                .update());

    assertBroken(
        "Audit trail broken at record "
            + chain.get(2).id()
            + " (partnership "
            + partnership.id()
            + "): it is number 3 of its chain, but the record before it (record "
            + chain.get(0).id()
            + ") is number 1: records between them were removed.");
  }

  @Test
  void aRecordEditedWithEveryLaterSha256RecomputedIsReported() {
    long edited = rewriteChainFromSecondRecord(AuditRecord::sha256Hash);

    assertBroken(forgedAt(edited));
  }

  @Test
  void aRecordEditedWithEveryLaterHashRecomputedUnderAnotherKeyIsReported() {
    long edited = rewriteChainFromSecondRecord(r -> r.keyedHash(WRONG_KEY));

    assertBroken(forgedAt(edited));
  }

  @Test
  void theDatabaseRefusesUpdateDeleteAndTruncateToARoleThatIsNotTheOwner() {
    boolean canCreateRoles =
        superuser
            .jdbc()
            .sql("select rolsuper or rolcreaterole from pg_roles where rolname = current_user")
            .query(Boolean.class)
            .single();
    assumeThat(canCreateRoles).as("the test database's role may create roles").isTrue();
    String role = "audit_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    superuser.inTransaction(
        sql -> {
          sql.sql("create role " + role + " nologin").update();
          sql.sql("grant select, insert, update, delete, truncate on audit_event to " + role)
              .update();
          return null;
        });
    long id = chain().get(0).id();
    try {
      for (String statement :
          List.of(
              "update audit_event set summary = 'nothing to see here' where id = " + id,
              "delete from audit_event where id = " + id,
              "truncate audit_event")) {
        String operation = statement.split(" ")[0].toUpperCase();
        assertThatThrownBy(
                () ->
                    superuser.inTransaction(
                        sql -> {
                          sql.sql("set local role " + role).update();
                          return sql.sql(statement).update();
                        }))
            .as(statement)
            .rootCause()
            .hasMessageContaining(
                "audit records cannot be changed or removed: "
                    + operation
                    + " on audit_event refused for role "
                    + role);
      }
    } finally {
      superuser.inTransaction(
          sql -> {
            sql.sql("drop owned by " + role).update();
            sql.sql("drop role " + role).update();
            return null;
          });
    }
    assertThat(chain()).hasSize(5);
  }

  /** Edits the chain's second record and recomputes its hash and every later one's. */
  private long rewriteChainFromSecondRecord(Function<AuditRecord, String> hash) {
    List<AuditRecord> chain = chain();
    List<AuditRecord> rewritten = Tampered.rewrite(chain, 1, "nothing to see here", hash);
    superuser.tamper(
        sql ->
            rewritten.forEach(
                r ->
                    sql.sql(
                            "update audit_event set summary = :s, previous_hash = :p, hash = :h"
                                + " where id = :id")
                        .param("s", r.summary())
                        .param("p", r.previousHash())
                        .param("h", r.hash())
                        .param("id", r.id())
                        .update()));
    return chain.get(1).id();
  }

  private void assertBroken(String expected) {
    AdminCommands.Result result = commands.run("audit", "verify");
    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(1);
    assertThat(result.err()).startsWith(expected);
  }

  private List<AuditRecord> chain() {
    return superuser
        .jdbc()
        .sql("select * from audit_event where partnership_id = :p order by id")
        .param("p", partnership.id())
        .query(AuditRecord::read)
        .list();
  }

  private String forgedAt(long id) {
    return "Audit trail broken at record "
        + id
        + " (partnership "
        + partnership.id()
        + "): its hash does not match its content under the audit key: it was changed, or written"
        + " outside CCR Hub.";
  }

  private String noRecordsLeft(List<AuditRecord> chain) {
    return "Audit trail broken (partnership "
        + partnership.id()
        + "): the chain has no records, but record "
        + chain.get(4).id()
        + " (number 5) was checkpointed on ";
  }

  private void deleteFrom(AuditRecord first) {
    superuser.tamper(
        sql -> sql.sql("delete from audit_event where id >= :id").param("id", first.id()).update());
  }

  private List<Path> replacedCheckpoints() throws IOException {
    try (Stream<Path> files = Files.list(checkpoints.file().getParent())) {
      return files
          .filter(p -> p.getFileName().toString().startsWith("audit-checkpoint.replaced-"))
          .toList();
    }
  }

  private List<Map<String, Object>> rows(String sql) {
    return superuser.jdbc().sql(sql).query().listOfRows();
  }

  private static void insert(JdbcClient sql, Map<String, Object> row) {
    String columns = String.join(", ", row.keySet());
    String values = row.keySet().stream().map(c -> ":" + c).collect(Collectors.joining(", "));
    sql.sql(
            "insert into audit_event ("
                + columns
                + ") overriding system value values ("
                + values
                + ")")
        .params(row)
        .update();
  }
}
