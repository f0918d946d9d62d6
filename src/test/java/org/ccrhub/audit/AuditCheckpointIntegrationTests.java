package org.ccrhub.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.ccrhub.AdminCommands;
import org.ccrhub.CcrHubApplication;
import org.ccrhub.CcrHubTest;
import org.ccrhub.DatabaseAdministrator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

/**
 * The checkpoint across starts of CCR Hub: begun once for a new trail, never begun again or
 * replaced by CCR Hub itself once it is missing or damaged (someone with access to the server may
 * have removed or forged it to hide what they did to the database), and restarted only by an
 * administrator who says why. Each test has its own schema on the test database and its own data
 * directory (audit key and checkpoint), as a separate installation.
 */
@CcrHubTest
@ExtendWith(OutputCaptureExtension.class)
class AuditCheckpointIntegrationTests {

  @Autowired DatabaseAdministrator administrator;

  private Superuser superuser;
  private String schema;
  private Path dataDirectory;
  private Path checkpoint;

  @BeforeEach
  void anEmptySchemaAndDataDirectory() throws IOException {
    superuser = Superuser.of(administrator);
    schema = "audit_checkpoint_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    dataDirectory = newDataDirectory();
    checkpoint = dataDirectory.toAbsolutePath().resolve("audit-checkpoint");
    superuser.migrations(schema).load().migrate();
  }

  @AfterEach
  void dropTheSchema() {
    superuser.jdbc().sql("drop schema " + schema + " cascade").update();
  }

  @Test
  void aTruncatedTableWithItsCheckpointDeletedFailsVerifyAndNoStartBeginsANewOne(
      CapturedOutput output) throws Exception {
    start(dataDirectory, "").close();
    assertThat(Files.readString(checkpoint))
        .as("begun at the first start, with no chains yet")
        .contains("\nstarted ")
        .doesNotContain("\nchain ");
    AdminCommands.Result fresh = run(dataDirectory, "", "audit", "verify");
    assertThat(fresh.exitCode()).as(fresh.err()).isZero();
    assertThat(fresh.out())
        .startsWith(
            "Audit trail intact: 0 records checked in 0 chains; the checkpoint "
                + checkpoint
                + " has no chains yet.\nThe checkpoint was begun on ");
    try (ConfigurableApplicationContext app = start(dataDirectory, "")) {
      record(app, 1L, "Created agency 1");
      record(app, null, "Signed in");
    }

    superuser.tamper(sql -> sql.sql("truncate " + schema + ".audit_event").update());
    Files.delete(checkpoint);

    assertMissing(run(dataDirectory, "", "audit", "verify"));
    try (ConfigurableApplicationContext app = start(dataDirectory, "")) {
      record(app, 1L, "Renamed agency 1");
      app.getBean(AuditCheckpoints.class).flush();
    }
    assertThat(checkpoint).doesNotExist();
    assertMissing(run(dataDirectory, "", "audit", "verify"));
    assertThat(occurrences(output.getAll(), "The audit checkpoint " + checkpoint + " is missing"))
        .as("logged once by the server, not at every write")
        .isEqualTo(1);
  }

  @Test
  void aDamagedCheckpointIsLeftAsEvidenceUntilAnAdministratorRestartsIt(CapturedOutput output)
      throws Exception {
    try (ConfigurableApplicationContext app = start(dataDirectory, "")) {
      record(app, 1L, "Created agency 1");
      record(app, 1L, "Created agency 2");
    }
    String damaged = Files.readString(checkpoint).replace("chain 1 number 2", "chain 1 number 1");
    assertThat(damaged).isNotEqualTo(Files.readString(checkpoint));
    Files.writeString(checkpoint, damaged);

    try (ConfigurableApplicationContext app = start(dataDirectory, "")) {
      for (int i = 3; i <= 5; i++) {
        record(app, 1L, "Created agency " + i);
        app.getBean(AuditCheckpoints.class).flush();
      }
    }

    assertThat(Files.readString(checkpoint)).as("left as it was").isEqualTo(damaged);
    assertThat(fileNames()).allSatisfy(name -> assertThat(name).doesNotContain("unreadable"));
    assertThat(
            occurrences(output.getAll(), "The audit checkpoint " + checkpoint + " cannot be used"))
        .as("logged once, not at every write")
        .isEqualTo(1);
    AdminCommands.Result broken = run(dataDirectory, "", "audit", "verify");
    assertThat(broken.exitCode()).as(broken.out()).isEqualTo(1);
    assertThat(broken.err())
        .startsWith(
            "Audit checkpoint "
                + checkpoint
                + " cannot be used: it was changed after CCR Hub wrote it (its seal does not"
                + " match). CCR Hub leaves it as it is, and cannot tell whether records were removed"
                + " from the end of a chain. Once you know why, start a new checkpoint with: audit"
                + " checkpoint restart --reason \"WHY\" (the old file is kept).");

    AdminCommands.Result noReason = run(dataDirectory, "", "audit", "checkpoint", "restart");
    assertThat(noReason.exitCode()).isEqualTo(2);
    assertThat(noReason.err()).contains("Missing required option: '--reason=TEXT'");
    AdminCommands.Result blank =
        run(dataDirectory, "", "audit", "checkpoint", "restart", "--reason", "  ");
    assertThat(blank.exitCode()).isEqualTo(1);
    assertThat(blank.err()).startsWith("--reason must say why the checkpoint is restarted");
    assertThat(Files.readString(checkpoint)).isEqualTo(damaged);

    AdminCommands.Result restarted =
        run(
            dataDirectory,
            "",
            "audit",
            "checkpoint",
            "restart",
            "--reason",
            "the checkpoint was edited by hand in a test");

    assertThat(restarted.exitCode()).as(restarted.err()).isZero();
    assertThat(restarted.out())
        .startsWith(
            "Audit checkpoint restarted: every chain verified, and "
                + checkpoint
                + " now holds the newest record of the 1 chain.\n"
                + "The one before it is kept as "
                + checkpoint
                + ".replaced-");
    List<Path> kept = replacedFiles();
    assertThat(kept).hasSize(1);
    assertThat(Files.readString(kept.get(0))).isEqualTo(damaged);
    Map<String, Object> newest =
        superuser
            .jdbc()
            .sql(
                "select action, partnership_id, summary from "
                    + schema
                    + ".audit_event order by id desc limit 1")
            .query()
            .singleRow();
    assertThat(newest.get("action")).isEqualTo("AUDIT_CHECKPOINT_RESTARTED");
    assertThat(newest.get("partnership_id")).isNull();
    assertThat(newest.get("summary"))
        .isEqualTo(
            "Audit checkpoint restarted because: the checkpoint was edited by hand in a test. The"
                + " previous one could not be used (it was changed after CCR Hub wrote it (its seal"
                + " does not match)); it is kept as "
                + kept.get(0).getFileName()
                + ". The new one holds the newest record of the 1 chain; every chain verified.");

    try (ConfigurableApplicationContext app = start(dataDirectory, "")) {
      record(app, 1L, "Created agency 6");
    }
    AdminCommands.Result intact = run(dataDirectory, "", "audit", "verify");
    assertThat(intact.exitCode()).as(intact.err()).isZero();
    assertThat(intact.out())
        .startsWith("Audit trail intact: 7 records checked in 2 chains; the end of each chain")
        .contains(
            "\nThe checkpoint was restarted on ",
            " because: the checkpoint was edited by hand in a test. The one before it is kept as "
                + kept.get(0).getFileName()
                + ".");
    assertThat(Files.readString(checkpoint)).contains("\nchain 1 number 6 ");
  }

  @Test
  void aServerWithAnotherAuditKeyOrNoneIsRefusedAndMakesNoKeyOfItsOwn() throws Exception {
    start(dataDirectory, "").close();
    String first = Files.readString(dataDirectory.resolve(AuditKeys.FILE_NAME)).strip();
    String installation = AuditKey.fromBase64(first, "test").fingerprint();
    Path another = newDataDirectory();
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    String other = Base64.getEncoder().encodeToString(bytes);

    assertThatThrownBy(() -> start(another, other))
        .satisfies(
            e ->
                assertThat(NestedExceptionUtils.getMostSpecificCause(e))
                    .isInstanceOf(AuditKeyException.class)
                    .hasMessageContaining(
                        "is not the key of the other servers of this installation (fingerprint "
                            + installation
                            + ")"));
    // with no key it is refused too, and makes none of its own
    assertThatThrownBy(() -> start(another, "").close())
        .satisfies(
            e ->
                assertThat(NestedExceptionUtils.getMostSpecificCause(e).getMessage())
                    .contains("fingerprint "));
    assertThat(another.resolve(AuditKeys.FILE_NAME)).doesNotExist();
    // given the first server's key files, it starts
    for (String file : List.of(AuditKeys.FILE_NAME, "two-factor.key")) {
      Files.copy(dataDirectory.resolve(file), another.resolve(file));
    }
    try (ConfigurableApplicationContext app = start(another, "")) {
      record(app, 1L, "Created agency 1");
    }
  }

  @Test
  void aNewDataDirectoryForATrailWithRecordsGetsACheckpointOnlyFromAnAdministrator()
      throws Exception {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    String key = Base64.getEncoder().encodeToString(bytes);
    try (ConfigurableApplicationContext app = start(dataDirectory, key)) {
      record(app, 1L, "Created agency 1");
    }
    Path another = newDataDirectory();
    Path itsCheckpoint = another.toAbsolutePath().resolve("audit-checkpoint");

    try (ConfigurableApplicationContext app = start(another, key)) {
      record(app, 1L, "Created agency 2");
      app.getBean(AuditCheckpoints.class).flush();
    }

    assertThat(itsCheckpoint).doesNotExist();
    AdminCommands.Result missing = run(another, key, "audit", "verify");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).startsWith("Audit checkpoint " + itsCheckpoint + " is missing.");
    AdminCommands.Result restarted =
        run(another, key, "audit", "checkpoint", "restart", "--reason", "a second server");
    assertThat(restarted.exitCode()).as(restarted.err()).isZero();
    assertThat(restarted.out()).contains("\nThere was none before it.\n");
    AdminCommands.Result intact = run(another, key, "audit", "verify");
    assertThat(intact.exitCode()).as(intact.err()).isZero();
    assertThat(intact.out())
        .contains("\nThe checkpoint was restarted on ", " because: a second server.\n");
  }

  private void assertMissing(AdminCommands.Result result) {
    assertThat(result.exitCode()).as(result.out()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "Audit checkpoint "
                + checkpoint
                + " is missing. CCR Hub writes it when it first starts and keeps it as the trail"
                + " grows, so it was removed (or this data directory is not the one CCR Hub runs"
                + " with), and records removed from the end of a chain cannot be found. Once you"
                + " know why, start a new checkpoint with: audit checkpoint restart --reason \"WHY\""
                + " (the old file is kept).\n");
  }

  @Test
  void unkeyedRecordsForgedIntoAnEmptiedTrailAreNeverSealedAndAlwaysFailVerify() throws Exception {
    try (ConfigurableApplicationContext app = start(dataDirectory, "")) {
      record(app, 1L, "Created agency 1");
    }
    // Emptied, then refilled with records hashed as before keyed hashing, which need no key
    superuser.tamper(
        sql -> {
          sql.sql("truncate " + schema + ".audit_event").update();
          String previous = AuditRecord.GENESIS;
          for (int i = 1; i <= 2; i++) {
            java.time.Instant at = java.time.Instant.parse("2025-03-0" + i + "T09:00:00Z");
            String hash =
                AuditRecord.sha256Of(
                    previous,
                    at,
                    "ann@example.org",
                    1L,
                    1L,
                    "READ",
                    "Person",
                    "7",
                    "SUCCESS",
                    "127.0.0.1",
                    "Viewed person 7");
            sql.sql(
                    "insert into "
                        + schema
                        + ".audit_event (occurred_at, actor, actor_user_id, partnership_id,"
                        + " action, object_type, object_id, outcome, source_address, summary,"
                        + " previous_hash, hash, hash_algorithm) values (:at, 'ann@example.org',"
                        + " 1, 1, 'READ', 'Person', '7', 'SUCCESS', '127.0.0.1', 'Viewed person 7',"
                        + " :previous, :hash, 'SHA-256')")
                .param("at", java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
                .param("previous", previous)
                .param("hash", hash)
                .update();
            previous = hash;
          }
        });

    start(dataDirectory, "").close();
    run(dataDirectory, "", "audit", "checkpoint", "restart", "--reason", "restored from backup");
    AdminCommands.Result verify = run(dataDirectory, "", "audit", "verify");

    assertThat(
            superuser
                .jdbc()
                .sql("select count(*) from " + schema + ".audit_event where action = 'SEALED'")
                .query(Long.class)
                .single())
        .as("the forgeries are not sealed")
        .isZero();
    assertThat(verify.exitCode()).as(verify.out()).isEqualTo(1);
    assertThat(verify.err()).contains("records written before keyed hashing");
  }

  private static void record(ConfigurableApplicationContext app, Long partnership, String what) {
    app.getBean(AuditTrail.class)
        .recordFor(
            "ann@example.org",
            1L,
            new AuditEntry("UPDATE", "Agency", "1", partnership, AuditEntry.Outcome.SUCCESS, what));
  }

  private static int occurrences(String text, String part) {
    return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }

  private List<String> fileNames() throws IOException {
    try (Stream<Path> files = Files.list(dataDirectory)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }

  private List<Path> replacedFiles() throws IOException {
    try (Stream<Path> files = Files.list(dataDirectory.toAbsolutePath())) {
      return files
          .filter(p -> p.getFileName().toString().startsWith("audit-checkpoint.replaced-"))
          .toList();
    }
  }

  private static Path newDataDirectory() throws IOException {
    Files.createDirectories(Path.of("target"));
    return Files.createTempDirectory(Path.of("target"), "audit-checkpoint-");
  }

  private List<String> options(Path directory, String key) {
    List<String> options = new ArrayList<>(superuser.connectionTo(schema));
    options.add("--ccr.data-dir=" + directory.toAbsolutePath());
    options.add("--ccr.audit.key=" + key);
    if (!key.isBlank()) {
      // keys configured, as every server of an installation of several has them
      options.add("--ccr.two-factor.key=" + org.ccrhub.TestDatabase.TWO_FACTOR_KEY);
    }
    options.add("--ccr.documents.warm-up=false");
    options.add("--ccr.imports.warm-up=false");
    return options;
  }

  private ConfigurableApplicationContext start(Path directory, String key) {
    return new SpringApplicationBuilder(CcrHubApplication.class)
        .web(WebApplicationType.NONE)
        .run(options(directory, key).toArray(String[]::new));
  }

  private AdminCommands.Result run(Path directory, String key, String... args) {
    return AdminCommands.runWith(options(directory, key), "", args);
  }
}
