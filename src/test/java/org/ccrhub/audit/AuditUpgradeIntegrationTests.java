package org.ccrhub.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ccrhub.AdminCommands;
import org.ccrhub.CcrHubApplication;
import org.ccrhub.CcrHubTest;
import org.ccrhub.DatabaseAdministrator;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

/**
 * An installation whose trail was written before keyed hashing (one SHA-256 chain) is upgraded: it
 * keeps verifying, across restarts of the application on the same data directory, and its older
 * records can no longer be rewritten unnoticed. Each test has its own schema on the test database
 * and its own data directory (its audit key and checkpoint).
 */
@CcrHubTest
@ExtendWith(OutputCaptureExtension.class)
class AuditUpgradeIntegrationTests {

  @Autowired DatabaseAdministrator administrator;

  private Superuser superuser;
  private String schema;
  private Path dataDirectory;

  @BeforeEach
  void aTrailWrittenTheOldWay() throws Exception {
    superuser = Superuser.of(administrator);
    schema = "audit_upgrade_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    dataDirectory = Files.createTempDirectory(Path.of("target"), "audit-upgrade-");
    var flyway = superuser.migrations(schema);
    // every migration before keyed hashing (V0006)
    MigrationVersion beforeKeyedHashing =
        Arrays.stream(flyway.load().info().all())
            .map(MigrationInfo::getVersion)
            .filter(v -> v.compareTo(MigrationVersion.fromVersion("6")) < 0)
            .max(MigrationVersion::compareTo)
            .orElseThrow();
    flyway.target(beforeKeyedHashing).load().migrate();
    String previous = AuditRecord.GENESIS;
    Instant at = Instant.parse("2026-11-20T09:00:00.123456Z");
    for (int i = 1; i <= 3; i++) {
      Instant occurredAt = at.plus(i, ChronoUnit.MINUTES);
      String summary = "Created agency " + i;
      String hash =
          AuditRecord.sha256Of(
              previous,
              occurredAt,
              "ann@example.org",
              1L,
              1L,
              "CREATE",
              "Agency",
              String.valueOf(i),
              "SUCCESS",
              "127.0.0.1",
              summary);
      superuser
          .jdbc()
          .sql(
              "insert into "
                  + schema
                  + ".audit_event (occurred_at, actor, actor_user_id, partnership_id, action,"
                  + " object_type, object_id, outcome, source_address, summary, previous_hash,"
                  + " hash) values (:at, 'ann@example.org', 1, 1, 'CREATE', 'Agency', :object,"
                  + " 'SUCCESS', '127.0.0.1', :summary, :previous, :hash)")
          .param("at", OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC))
          .param("object", String.valueOf(i))
          .param("summary", summary)
          .param("previous", previous)
          .param("hash", hash)
          .update();
      previous = hash;
    }
  }

  @AfterEach
  void dropTheSchema() {
    superuser.jdbc().sql("drop schema " + schema + " cascade").update();
  }

  @Test
  void anUpgradedTrailKeepsVerifyingAcrossRestartsAndItsOlderRecordsStaySealed(
      CapturedOutput output) throws Exception {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    try (ConfigurableApplicationContext app = start()) {
      AuditTrail audit = app.getBean(AuditTrail.class);
      audit.record(AuditEntry.success("UPDATE", "Agency", 1, 1L, "Renamed agency 1"));
      audit.recordFor(
          "ann@example.org",
          1L,
          new AuditEntry("SIGN_IN", "Account", "1", null, AuditEntry.Outcome.SUCCESS, "Signed in"));
      // attached after start-up, which sets logging up afresh
      log.start();
      ((Logger) LoggerFactory.getLogger(AuditCheckpoints.class)).addAppender(log);
    }
    assertThat(log.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith(
                        "Audit checkpoint: records with no partnership at record 6 (number 2, hash ")
                    .contains("; partnership 1 at record 5 (number 1, hash "));
    try (ConfigurableApplicationContext app = start()) {
      app.getBean(AuditTrail.class)
          .record(AuditEntry.success("UPDATE", "Agency", 2, 1L, "Renamed agency 2"));
    }

    List<Map<String, Object>> trail =
        superuser
            .jdbc()
            .sql(
                "select id, action, summary, hash_algorithm, chain_seq from "
                    + schema
                    + ".audit_event order by id")
            .query()
            .listOfRows();
    assertThat(trail)
        .extracting(r -> r.get("action"), r -> r.get("hash_algorithm"), r -> r.get("chain_seq"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("CREATE", "SHA-256", null),
            org.assertj.core.groups.Tuple.tuple("CREATE", "SHA-256", null),
            org.assertj.core.groups.Tuple.tuple("CREATE", "SHA-256", null),
            org.assertj.core.groups.Tuple.tuple("SEALED", "HMAC-SHA256", 1L),
            org.assertj.core.groups.Tuple.tuple("UPDATE", "HMAC-SHA256", 1L),
            org.assertj.core.groups.Tuple.tuple("SIGN_IN", "HMAC-SHA256", 2L),
            org.assertj.core.groups.Tuple.tuple("UPDATE", "HMAC-SHA256", 2L));
    assertThat(trail.get(3).get("summary"))
        .isEqualTo("Keyed hashing began. The 3 records written before it were checked: intact");
    assertThat(Files.getPosixFilePermissions(dataDirectory.resolve("audit.key")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(dataDirectory.resolve("audit-checkpoint")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    String key = Files.readString(dataDirectory.resolve("audit.key")).strip();
    assertThat(output.getAll()).doesNotContain(key);
    assertThat(log.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .noneMatch(m -> m.contains(key));

    AdminCommands.Result intact = verify();
    assertThat(intact.exitCode()).as(intact.err()).isZero();
    assertThat(intact.out())
        .contains(
            "Audit trail intact: 7 records checked in 3 chains; the end of each chain matches the"
                + " checkpoint of ");

    rewriteTheSecondOlderRecordAndRecomputeTheOlderChain();
    AdminCommands.Result broken = verify();
    assertThat(broken.exitCode()).isEqualTo(1);
    assertThat(broken.err())
        .startsWith(
            "Audit trail broken at record 4 (records with no partnership): it does not follow the"
                + " last record written before keyed hashing began (older records were removed,"
                + " changed or added).");
  }

  @Test
  void refusesToStartWithoutTheKeyOnceTheTrailIsKeyed() throws Exception {
    start().close();
    Files.delete(dataDirectory.resolve("audit.key"));

    assertThatThrownBy(this::start)
        .satisfies(
            e ->
                assertThat(NestedExceptionUtils.getMostSpecificCause(e))
                    .isInstanceOf(AuditKeyException.class)
                    .hasMessage(
                        "The audit key "
                            + dataDirectory.toAbsolutePath().resolve("audit.key")
                            + " is missing, but the audit trail was written with a key. Restore the"
                            + " file from a backup, or set ccr.audit.key (CCR_AUDIT_KEY) to the"
                            + " key; without it the trail can be neither verified nor extended."));
    assertThat(dataDirectory.resolve("audit.key")).doesNotExist();
  }

  private ConfigurableApplicationContext start() {
    List<String> args = new ArrayList<>(superuser.connectionTo(schema));
    args.add("--ccr.data-dir=" + dataDirectory.toAbsolutePath());
    args.add("--ccr.audit.key=");
    args.add("--ccr.documents.warm-up=false");
    return new SpringApplicationBuilder(CcrHubApplication.class)
        .web(WebApplicationType.NONE)
        .run(args.toArray(String[]::new));
  }

  private AdminCommands.Result verify() {
    List<String> options = new ArrayList<>(superuser.connectionTo(schema));
    options.add("--ccr.data-dir=" + dataDirectory.toAbsolutePath());
    options.add("--ccr.audit.key=");
    return AdminCommands.runWith(options, "", "audit", "verify");
  }

  private void rewriteTheSecondOlderRecordAndRecomputeTheOlderChain() {
    String table = schema + ".audit_event";
    List<Map<String, Object>> older =
        superuser
            .jdbc()
            .sql("select * from " + table + " where hash_algorithm = 'SHA-256' order by id")
            .query()
            .listOfRows();
    superuser.tamper(
        sql -> {
          String previous = (String) older.get(0).get("hash");
          for (Map<String, Object> row : older.subList(1, older.size())) {
            String summary =
                row.get("id").equals(2L) ? "nothing to see here" : (String) row.get("summary");
            String hash =
                AuditRecord.sha256Of(
                    previous,
                    ((java.sql.Timestamp) row.get("occurred_at")).toInstant(),
                    row.get("actor"),
                    row.get("actor_user_id"),
                    row.get("partnership_id"),
                    row.get("action"),
                    row.get("object_type"),
                    row.get("object_id"),
                    row.get("outcome"),
                    row.get("source_address"),
                    summary);
            sql.sql(
                    "update "
                        + table
                        + " set summary = :s, previous_hash = :p, hash = :h where id = :id")
                .param("s", summary)
                .param("p", previous)
                .param("h", hash)
                .param("id", row.get("id"))
                .update();
            previous = hash;
          }
        });
  }
}
