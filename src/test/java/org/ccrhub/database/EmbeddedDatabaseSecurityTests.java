package org.ccrhub.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The embedded server as another user of the machine meets it: nothing reachable without the
 * passwords, which only the data directory's owner can read; and the application's role as an
 * attacker who took over the application meets it: no server files, no programs, no rewriting the
 * audit trail. A data directory from before all this is secured at its next start.
 */
class EmbeddedDatabaseSecurityTests {

  // Under target/ (0755), not a JUnit temporary directory (0700), so that the data directory's own
  // permissions are what keeps another user out.
  private final Path dataDir =
      Path.of("target", "test-data", "security-" + UUID.randomUUID()).toAbsolutePath();
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  @Test
  void keepsTheDataDirectoryThePasswordsAndTheSocketToItsOwner() throws Exception {
    EmbeddedDatabase database = start();

    assertThat(permissions(dataDir)).isEqualTo("rwx------");
    assertThat(permissions(dataDir.resolve("database.passwords"))).isEqualTo("rw-------");
    assertThat(permissions(dataDir.resolve("run"))).isEqualTo("rwx------");
    assertThat(permissions(dataDir.resolve("postgres-binaries"))).isEqualTo("rwx------");
    try (var sockets = Files.list(dataDir.resolve("run"))) {
      assertThat(sockets.map(p -> p.getFileName().toString()))
          .contains(".s.PGSQL." + port(database));
    }
    assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf")))
        .contains("local   all   all                  scram-sha-256")
        .contains("host    all   all   127.0.0.1/32   scram-sha-256")
        .doesNotContain("trust");
  }

  @Test
  void refusesEveryConnectionWithoutTheRightPassword() throws Exception {
    EmbeddedDatabase database = start();
    String url = "jdbc:postgresql://127.0.0.1:" + port(database) + "/ccrhub";

    for (String role : List.of("postgres", "ccrhub_owner", "ccrhub_app")) {
      assertThatThrownBy(() -> DriverManager.getConnection(url, role, ""))
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> DriverManager.getConnection(url, role, "postgres"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("password authentication failed");
    }
    try (Connection app =
        DriverManager.getConnection(url, "ccrhub_app", database.passwordOf("ccrhub_app"))) {
      assertThat(app.isValid(5)).isTrue();
    }
  }

  @Test
  void anotherUserOfTheMachineCannotConnectThroughTheSocketOrTcp() throws Exception {
    assumeThat(System.getProperty("user.name"))
        .as("switching to another OS user needs root (CI runs as root)")
        .isEqualTo("root");
    assumeThat(Path.of("/usr/bin/psql")).as("psql (postgresql-client) is installed").exists();
    EmbeddedDatabase database = start();
    String port = String.valueOf(port(database));

    CommandResult socket =
        asNobody(
            "psql",
            "-w",
            "-h",
            dataDir.resolve("run").toString(),
            "-p",
            port,
            "-U",
            "postgres",
            "-d",
            "ccrhub",
            "-c",
            "select 1");
    assertThat(socket.exitCode()).isNotZero();
    assertThat(socket.output()).contains("Permission denied");

    CommandResult tcp =
        asNobody(
            "psql",
            "-w",
            "-h",
            "127.0.0.1",
            "-p",
            port,
            "-U",
            "postgres",
            "-d",
            "ccrhub",
            "-c",
            "select 1");
    assertThat(tcp.exitCode()).isNotZero();
    assertThat(tcp.output()).contains("no password supplied");

    CommandResult passwords = asNobody("cat", dataDir.resolve("database.passwords").toString());
    assertThat(passwords.exitCode()).isNotZero();
    assertThat(passwords.output()).contains("Permission denied");
  }

  @Test
  void leavesTheLibrarysSharedDirectoryInTmpAlone() throws Exception {
    // What another user can plant there: a "stale" folder naming a process of ours in its
    // postmaster.pid, which the library would stop, and then delete the folder.
    Path planted =
        Files.createDirectories(
            Path.of(
                System.getProperty("java.io.tmpdir"),
                "embedded-pg",
                "planted-" + UUID.randomUUID()));
    Process victim = new ProcessBuilder("sleep", "300").start();
    try {
      Files.writeString(planted.resolve("PG_VERSION"), "18\n");
      Files.writeString(planted.resolve("postmaster.pid"), victim.pid() + "\n" + planted + "\n");
      Path lock = Files.createFile(planted.resolve("epg-lock"));
      Files.setLastModifiedTime(
          lock, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600)));

      start();

      assertThat(victim.isAlive()).isTrue();
      assertThat(planted).exists();
    } finally {
      victim.destroyForcibly();
      org.springframework.util.FileSystemUtils.deleteRecursively(planted);
    }
  }

  @Test
  void securesADataDirectoryFromBeforePasswordsAndHandsItsTablesToTheOwner() throws Exception {
    Path pgData = dataDir.resolve("postgres");
    Files.createDirectories(pgData);
    // What CCR Hub did before: the library's defaults (trust for every connection), the database
    // and every table created and migrated by the superuser.
    try (EmbeddedPostgres old =
        EmbeddedPostgres.builder()
            .setDataDirectory(pgData)
            .setCleanDataDirectory(false)
            .setLocaleConfig("locale", "C")
            .setPGStartupWait(Duration.ofSeconds(60))
            .start()) {
      try (Connection connection = old.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("create database ccrhub");
      }
      PGSimpleDataSource superuser = new PGSimpleDataSource();
      superuser.setURL(old.getJdbcUrl("postgres", "ccrhub"));
      Flyway.configure().dataSource(superuser).load().migrate();
      try (Connection connection = superuser.getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute(
            "insert into partnership (slug, name) values ('before', 'Partnership from before')");
      }
    }
    assertThat(Files.readString(pgData.resolve("pg_hba.conf"))).contains("trust");

    EmbeddedDatabase database = start();
    String url = database.jdbcUrl();
    assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", ""))
        .isInstanceOf(SQLException.class);

    PGSimpleDataSource app = new PGSimpleDataSource();
    app.setURL(url);
    app.setUser("ccrhub_app");
    app.setPassword(database.passwordOf("ccrhub_app"));
    // the next start migrates as the owner, which then grants the application its privileges
    Flyway.configure()
        .dataSource(url, "ccrhub_owner", database.passwordOf("ccrhub_owner"))
        .callbacks(new LeastPrivilege(app))
        .load()
        .migrate();

    try (Connection connection = app.getConnection();
        Statement statement = connection.createStatement()) {
      assertThat(single(statement, "select name from partnership where slug = 'before'"))
          .isEqualTo("Partnership from before");
      assertThat(
              single(
                  statement,
                  "select string_agg(distinct tableowner, ',') from pg_tables"
                      + " where schemaname = 'public'"))
          .isEqualTo("ccrhub_owner");
      assertThat(
              single(
                  statement,
                  "select datdba::regrole::text from pg_database" + " where datname = 'ccrhub'"))
          .isEqualTo("ccrhub_owner");
      assertThatThrownBy(() -> statement.execute("update audit_event set actor = 'x'"))
          .hasMessageContaining("permission denied");
    }
  }

  @Test
  void aTableSomeoneElsePutInTheSchemaNeitherStopsTheStartNorIsShared() throws Exception {
    EmbeddedDatabase database = start();
    String url = database.jdbcUrl();
    PGSimpleDataSource app = dataSource(url, "ccrhub_app", database);
    migrate(database, app);
    try (Connection superuser =
            DriverManager.getConnection(url, "postgres", database.passwordOf("postgres"));
        Statement statement = superuser.createStatement()) {
      statement.execute("create table public.audit_backup as select * from audit_event");
    }

    migrate(database, app); // the next start

    try (Connection connection = app.getConnection();
        Statement statement = connection.createStatement()) {
      assertThat(single(statement, "select count(*) from partnership")).isEqualTo("0");
      assertThatThrownBy(() -> statement.executeQuery("select * from audit_backup"))
          .hasMessageContaining("permission denied for table audit_backup");
    }
  }

  private static void migrate(EmbeddedDatabase database, PGSimpleDataSource app) {
    Flyway.configure()
        .dataSource(database.jdbcUrl(), "ccrhub_owner", database.passwordOf("ccrhub_owner"))
        .callbacks(new LeastPrivilege(app))
        .load()
        .migrate();
  }

  private static PGSimpleDataSource dataSource(String url, String role, EmbeddedDatabase database) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(url);
    dataSource.setUser(role);
    dataSource.setPassword(database.passwordOf(role));
    return dataSource;
  }

  @Test
  void refusesAnApplicationRoleThatOwnsTheTables() throws Exception {
    EmbeddedDatabase database = start();
    PGSimpleDataSource owner = new PGSimpleDataSource();
    owner.setURL(database.jdbcUrl());
    owner.setUser("ccrhub_owner");
    owner.setPassword(database.passwordOf("ccrhub_owner"));

    assertThatThrownBy(
            () ->
                Flyway.configure()
                    .dataSource(owner)
                    .callbacks(new LeastPrivilege(owner))
                    .load()
                    .migrate())
        .hasRootCauseInstanceOf(UnsafeDatabaseRoleException.class)
        .rootCause()
        .hasMessageContaining("as ccrhub_owner, which owns its tables");
  }

  private EmbeddedDatabase start() {
    EmbeddedDatabase database = EmbeddedDatabase.start(dataDir);
    toClose.add(database);
    return database;
  }

  private static int port(EmbeddedDatabase database) {
    String url = database.jdbcUrl();
    return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1, url.lastIndexOf('/')));
  }

  private static String permissions(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  private static String single(Statement statement, String query) throws SQLException {
    try (ResultSet rs = statement.executeQuery(query)) {
      rs.next();
      return rs.getString(1);
    }
  }

  record CommandResult(int exitCode, String output) {}

  private static CommandResult asNobody(String... command) throws Exception {
    List<String> all = new ArrayList<>(List.of("runuser", "-u", "nobody", "--"));
    all.addAll(List.of(command));
    Process process =
        new ProcessBuilder(all).directory(Path.of("/").toFile()).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new CommandResult(process.exitValue(), output);
  }
}
