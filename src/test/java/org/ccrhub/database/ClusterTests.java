package org.ccrhub.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccrhub.AdminCommands;
import org.ccrhub.HttpBrowser;
import org.ccrhub.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two CCR Hub servers as an operator runs them on one PostgreSQL server: separate JVMs, each with
 * its own data directory and the installation's keys, started at the same moment on an empty
 * database, and one of them killed with SIGKILL in the middle of an import.
 */
class ClusterTests {

  private static final Pattern PREVIEW_KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");
  private static final int ACTIONS = 20_000;

  @TempDir Path root;
  private final ServerProcesses processes = new ServerProcesses();
  private EmbeddedDatabase database;

  @AfterEach
  void stop() throws Exception {
    processes.stopAll();
    if (database != null) {
      database.close();
    }
  }

  @Test
  void twoNodesStartTogetherOnAnEmptyDatabaseAndOneKilledMidImportLosesNothingCommitted()
      throws Exception {
    database = EmbeddedDatabase.start(root.resolve("database"));
    int portA = ServerProcesses.freePort();
    int portB = ServerProcesses.freePort();

    Process nodeA = processes.start(root.resolve("a.log"), serve(portA, "node-a"));
    Process nodeB = processes.start(root.resolve("b.log"), serve(portB, "node-b"));
    processes.awaitHealthy(portA, nodeA);
    processes.awaitHealthy(portB, nodeB);

    // the database was migrated once, and both nodes recorded one key of each kind
    assertThat(
            owner(
                "select count(*) - count(distinct version) from flyway_schema_history"
                    + " where version is not null"))
        .isEqualTo(0L);
    assertThat(owner("select count(*) from flyway_schema_history where not success")).isZero();
    assertThat(owner("select count(*) from installation_key")).isEqualTo(2L);

    String manager = "manager@northbridge.test";
    assertThat(command("node-a", "", "partnership", "create", "--slug", "nb", "--name", "NB CSP"))
        .isZero();
    assertThat(
            command(
                "node-a",
                "violet harbour kettle\n",
                "user",
                "create",
                "--partnership",
                "nb",
                "--email",
                manager,
                "--name",
                "Mo Manager",
                "--role",
                "PARTNERSHIP_ADMIN",
                "--password-stdin"))
        .isZero();

    // signed in on A, a large plan previewed on A
    HttpBrowser browser = new HttpBrowser(portA);
    assertThat(
            browser.signIn(manager, "violet harbour kettle", null).headers().firstValue("Location"))
        .hasValue("/");
    StringBuilder csv = new StringBuilder("ref,action\n");
    for (int i = 1; i <= ACTIONS; i++) {
      csv.append("1.").append(i).append(",Deliver the training in area ").append(i).append('\n');
    }
    HttpResponse<String> preview =
        browser.postFile(
            "/p/nb/plans/import",
            "/p/nb/plans/import",
            Map.of("planName", "Big plan", "year", "2026/27"),
            "file",
            "plan.csv",
            csv.toString().getBytes(StandardCharsets.UTF_8));
    Matcher key = PREVIEW_KEY.matcher(preview.body());
    assertThat(key.find()).as(preview.body()).isTrue();

    // A is killed while it writes the actions, before it commits
    CompletableFuture<Void> confirming =
        CompletableFuture.runAsync(
            () -> {
              try {
                browser.postForm(
                    "/p/nb/plans/import", "/p/nb/plans/import/confirm", "key=" + key.group(1));
              } catch (Exception killed) {
                // the connection drops with the node
              }
            });
    awaitAnImportWritingActions();
    nodeA.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    confirming.get(60, TimeUnit.SECONDS);

    // on B: still signed in, nothing of the import committed, the upload still held
    assertThat(browser.on(portB).get("/p/nb").statusCode()).isEqualTo(200);
    awaitNoTransactionWritingActions();
    assertThat(owner("select count(*) from plan_action")).isZero();
    assertThat(owner("select count(*) from pending_upload")).isOne();
    // confirmed on B, it is imported once
    HttpResponse<String> confirmed =
        browser.postForm("/p/nb/plans/import", "/p/nb/plans/import/confirm", "key=" + key.group(1));
    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(302);
    assertThat(owner("select count(*) from plan_action")).isEqualTo((long) ACTIONS);
    assertThat(owner("select count(*) from pending_upload")).isZero();

    // the audit trail verifies against B's checkpoint
    AdminCommands.Result verify = AdminCommands.runWith(settings("node-b"), "", "audit", "verify");
    assertThat(verify.exitCode()).as(verify.err()).isZero();
  }

  private String[] serve(int port, String node) {
    List<String> args = new ArrayList<>(List.of("serve", "--port", String.valueOf(port)));
    args.addAll(settings(node));
    return args.toArray(String[]::new);
  }

  /** A node's settings: the shared database and keys, its own data directory. */
  private List<String> settings(String node) {
    return List.of(
        "--spring.datasource.url=" + database.jdbcUrl(),
        "--spring.datasource.username=" + EmbeddedDatabase.APP,
        "--spring.datasource.password=" + database.passwordOf(EmbeddedDatabase.APP),
        "--spring.datasource.hikari.maximum-pool-size=5",
        "--spring.flyway.user=" + EmbeddedDatabase.OWNER,
        "--spring.flyway.password=" + database.passwordOf(EmbeddedDatabase.OWNER),
        "--ccr.audit.key=" + TestDatabase.AUDIT_KEY,
        "--ccr.two-factor.key=" + TestDatabase.TWO_FACTOR_KEY,
        "--ccr.documents.warm-up=false",
        "--ccr.imports.warm-up=false",
        "--ccr.data-dir=" + root.resolve(node));
  }

  private int command(String node, String stdin, String... args) {
    AdminCommands.Result result = AdminCommands.runWith(settings(node), stdin, args);
    assertThat(result.exitCode()).as(result.err()).isZero();
    return result.exitCode();
  }

  private void awaitAnImportWritingActions() throws Exception {
    Instant deadline = Instant.now().plusSeconds(120);
    while (writingActions() == 0) {
      assertThat(Instant.now()).as("the import never started writing").isBefore(deadline);
      Thread.sleep(20);
    }
  }

  private void awaitNoTransactionWritingActions() throws Exception {
    Instant deadline = Instant.now().plusSeconds(60);
    while (writingActions() > 0) {
      assertThat(Instant.now()).as("the killed node's transaction never ended").isBefore(deadline);
      Thread.sleep(50);
    }
  }

  private long writingActions() throws Exception {
    // only the superuser sees the text of another role's statements
    return query(
        EmbeddedDatabase.SUPERUSER,
        "select count(*) from pg_stat_activity where xact_start is not null"
            + " and pid <> pg_backend_pid() and query ilike '%insert into plan_action%'");
  }

  private long owner(String sql) throws Exception {
    return query(EmbeddedDatabase.OWNER, sql);
  }

  private long query(String role, String sql) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(database.jdbcUrl(), role, database.passwordOf(role));
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
