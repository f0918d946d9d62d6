package org.ccrhub.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.ccrhub.AdminCommands;
import org.ccrhub.CcrHubApplication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code restore --file} given a hostile backup: a manifest that lies about what it holds (tables a
 * backup never keeps, tables outside the schema, names with quotes, duplicates), entries named to
 * escape the data directory, a manifest too large to read, a backup of a newer version. Each is
 * refused in plain words, before anything of it is loaded, and never with a stack trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestoreAttackTests {

  @TempDir static Path root;
  private Path backup;
  private final Map<String, byte[]> entries = new LinkedHashMap<>();
  private BackupManifest manifest;
  private int made;

  @BeforeAll
  void backUpAnEmptyInstallation() throws Exception {
    Path source = root.resolve("source");
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(CcrHubApplication.class)
            .run(
                "--ccr.data-dir=" + source,
                "--spring.datasource.url=",
                "--server.port=0",
                "--ccr.demo=false",
                "--ccr.documents.warm-up=false",
                "--ccr.imports.warm-up=false")) {
      backup = root.resolve("ccr-hub.backup");
      AdminCommands.Result result = command(source, "backup", "--out", backup.toString());
      assertThat(result.exitCode()).as(result.err()).isZero();
    }
    try (ZipFile zip = new ZipFile(backup.toFile())) {
      Enumeration<? extends ZipEntry> all = zip.entries();
      while (all.hasMoreElements()) {
        ZipEntry entry = all.nextElement();
        try (InputStream in = zip.getInputStream(entry)) {
          entries.put(entry.getName(), in.readAllBytes());
        }
      }
      manifest = Restores.checked(zip);
    }
  }

  @Test
  void aSessionPlantedInTheBackupIsRefused() throws Exception {
    // a session signed in as someone, which a restored server would honour (its attributes are
    // Java-serialised objects, which the server would deserialise from the attacker's bytes)
    String row =
        "11111111-1111-1111-1111-111111111111\t22222222-2222-2222-2222-222222222222\t"
            + "1\t1\t1800\t99999999999999\tadmin@example.test\n";
    Result result =
        restore(
            m ->
                withTables(
                    m,
                    prepend(
                        m.tables(),
                        table(
                            "spring_session",
                            List.of(
                                "primary_id",
                                "session_id",
                                "creation_time",
                                "last_access_time",
                                "max_inactive_interval",
                                "expiry_time",
                                "principal_name"),
                            row))),
            Map.of("tables/spring_session.copy", row));
    assertRefused(result, "spring_session");
  }

  @Test
  void flywaysHistoryIsRefused() throws Exception {
    String row = "99\t99\tplanted\tSQL\tV0099__planted.sql\t0\tccrhub_owner\t2026-01-01\t1\tt\n";
    Result result =
        restore(
            m ->
                withTables(
                    m,
                    append(
                        m.tables(),
                        table(
                            "flyway_schema_history",
                            List.of(
                                "installed_rank",
                                "version",
                                "description",
                                "type",
                                "script",
                                "checksum",
                                "installed_by",
                                "installed_on",
                                "execution_time",
                                "success"),
                            row))),
            Map.of("tables/flyway_schema_history.copy", row));
    assertRefused(result, "flyway_schema_history");
  }

  @Test
  void aTableOutsideTheSchemaIsRefusedInPlainWords() throws Exception {
    String row = "x\n";
    Result result =
        restore(
            m -> withTables(m, append(m.tables(), table("pg_authid", List.of("rolname"), row))),
            Map.of("tables/pg_authid.copy", row));
    assertRefused(result, "pg_authid");
  }

  @Test
  void aTableWithSqlInItsNameIsRefusedInPlainWords() throws Exception {
    String name = "audit_event\"; drop table account; --";
    String row = "x\n";
    Result result =
        restore(
            m -> withTables(m, append(m.tables(), table(name, List.of("id"), row))),
            Map.of("tables/" + name + ".copy", row));
    assertRefused(result, "drop table account");
  }

  @Test
  void aTableListedTwiceIsRefused() throws Exception {
    Result result = restore(m -> withTables(m, append(m.tables(), m.tables().get(0))), Map.of());
    assertRefused(result, m -> m.tables().get(0).name());
  }

  @Test
  void aColumnTheTableDoesNotHaveIsRefusedInPlainWords() throws Exception {
    Result result =
        restore(
            m -> {
              List<BackupManifest.Table> tables = new ArrayList<>(m.tables());
              BackupManifest.Table first = tables.get(0);
              List<String> columns = new ArrayList<>(first.columns());
              columns.set(0, "no_such_column");
              tables.set(
                  0,
                  new BackupManifest.Table(
                      first.name(), columns, first.entry(), first.rows(), first.sha256()));
              return withTables(m, tables);
            },
            Map.of());
    assertRefused(result, "no_such_column");
  }

  @Test
  void aSequenceWithAQuoteInItsNameIsRefusedInPlainWords() throws Exception {
    Result result =
        restore(
            m -> {
              List<BackupManifest.Sequence> sequences = new ArrayList<>(m.sequences());
              sequences.add(new BackupManifest.Sequence("x\"y'); select 1; --", 5, true));
              return new BackupManifest(
                  m.format(),
                  m.ccrHubVersion(),
                  m.takenAt(),
                  m.schemaVersion(),
                  m.serverVersion(),
                  m.tables(),
                  sequences,
                  m.files());
            },
            Map.of());
    assertRefused(result, "x\"y");
  }

  @Test
  void aFileNamedToEscapeTheDataDirectoryIsRefused() throws Exception {
    Path target = root.resolve("escaped");
    Result result =
        restore(
            m -> {
              List<BackupManifest.DataFile> files = new ArrayList<>(m.files());
              files.add(
                  new BackupManifest.DataFile(
                      "../escaped", "../escaped", 3, Backups.sha256("hi\n".getBytes())));
              return withFiles(m, files);
            },
            Map.of("../escaped", "hi\n"));
    assertThat(result.result().exitCode()).isEqualTo(1);
    assertThat(result.result().err()).contains("../escaped is not a file a backup keeps");
    assertThat(target).doesNotExist();
    assertThat(result.dataDirectory()).doesNotExist();
  }

  @Test
  void aManifestTooLargeToReadIsRefused() throws Exception {
    // a few kilobytes in the zip, hundreds of megabytes read into memory
    Result result =
        restore(
            UnaryOperator.identity(),
            Map.of(),
            json -> {
              byte[] padded = new byte[json.length + 64 * 1024 * 1024];
              java.util.Arrays.fill(padded, (byte) ' ');
              System.arraycopy(json, 0, padded, 0, json.length);
              return padded;
            });
    assertThat(result.result().exitCode()).isEqualTo(1);
    assertThat(result.result().err())
        .contains("manifest.json")
        .doesNotContain("failed unexpectedly");
    assertThat(result.dataDirectory()).doesNotExist();
  }

  @Test
  void aBackupOfANewerVersionIsRefusedInPlainWords() throws Exception {
    Result result =
        restore(
            m ->
                new BackupManifest(
                    m.format(),
                    "99.0",
                    m.takenAt(),
                    "9999",
                    m.serverVersion(),
                    m.tables(),
                    m.sequences(),
                    m.files()),
            Map.of());
    assertThat(result.result().exitCode()).isEqualTo(1);
    assertThat(result.result().err())
        .contains("9999")
        .doesNotContain("failed unexpectedly")
        .doesNotContain("Exception");
  }

  @Test
  void aRowThatDoesNotLoadIsRefusedWithoutRepeatingItsValues() throws Exception {
    BackupManifest.Table partnership =
        manifest.tables().stream()
            .filter(t -> t.name().equals("partnership"))
            .findFirst()
            .orElseThrow();
    StringBuilder row = new StringBuilder("jane.victim@example.org");
    for (int i = 1; i < partnership.columns().size(); i++) {
      row.append("\t\\N");
    }
    byte[] rows = (row + "\n").getBytes(StandardCharsets.UTF_8);
    String entry = partnership.entry();

    Result result =
        restore(
            m -> {
              List<BackupManifest.Table> tables = new ArrayList<>(m.tables());
              tables.set(
                  tables.indexOf(partnership),
                  new BackupManifest.Table(
                      "partnership", partnership.columns(), entry, 1, Backups.sha256(rows)));
              return withTables(m, tables);
            },
            Map.of(entry, new String(rows, StandardCharsets.UTF_8)));

    assertRefused(result, "The rows of partnership in the backup could not be loaded");
    assertThat(result.result().err()).contains("PostgreSQL error 22P02");
    assertThat(result.result().out() + result.result().err()).doesNotContain("jane.victim");
  }

  // --- helpers

  private record Result(AdminCommands.Result result, Path dataDirectory) {}

  private void assertRefused(Result result, String named) {
    AdminCommands.Result r = result.result();
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.err())
        .as(r.out() + r.err())
        .contains(named)
        .doesNotContain("failed unexpectedly")
        .doesNotContain("Exception");
    assertThat(r.out()).doesNotContain("Restored");
  }

  private void assertRefused(Result result, java.util.function.Function<BackupManifest, String> n) {
    assertRefused(result, n.apply(manifest));
  }

  private static BackupManifest.Table table(String name, List<String> columns, String rows) {
    byte[] bytes = rows.getBytes(StandardCharsets.UTF_8);
    return new BackupManifest.Table(
        name,
        columns,
        "tables/" + name + ".copy",
        rows.chars().filter(c -> c == '\n').count(),
        Backups.sha256(bytes));
  }

  private static <T> List<T> prepend(List<T> list, T first) {
    List<T> all = new ArrayList<>();
    all.add(first);
    all.addAll(list);
    return all;
  }

  private static <T> List<T> append(List<T> list, T last) {
    List<T> all = new ArrayList<>(list);
    all.add(last);
    return all;
  }

  private static BackupManifest withTables(BackupManifest m, List<BackupManifest.Table> tables) {
    return new BackupManifest(
        m.format(),
        m.ccrHubVersion(),
        m.takenAt(),
        m.schemaVersion(),
        m.serverVersion(),
        tables,
        m.sequences(),
        m.files());
  }

  private static BackupManifest withFiles(BackupManifest m, List<BackupManifest.DataFile> files) {
    return new BackupManifest(
        m.format(),
        m.ccrHubVersion(),
        m.takenAt(),
        m.schemaVersion(),
        m.serverVersion(),
        m.tables(),
        m.sequences(),
        files);
  }

  private Result restore(UnaryOperator<BackupManifest> change, Map<String, String> added)
      throws IOException {
    return restore(change, added, UnaryOperator.identity());
  }

  private Result restore(
      UnaryOperator<BackupManifest> change,
      Map<String, String> added,
      UnaryOperator<byte[]> manifestBytes)
      throws IOException {
    Path hostile = root.resolve("hostile-" + (++made) + ".backup");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(hostile))) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        if (!entry.getKey().equals(BackupManifest.ENTRY) && !added.containsKey(entry.getKey())) {
          out.putNextEntry(new ZipEntry(entry.getKey()));
          out.write(entry.getValue());
          out.closeEntry();
        }
      }
      for (Map.Entry<String, String> entry : added.entrySet()) {
        out.putNextEntry(new ZipEntry(entry.getKey()));
        out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
      out.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
      out.write(manifestBytes.apply(change.apply(manifest).toJson()));
      out.closeEntry();
    }
    Path target = root.resolve("restored-" + made);
    return new Result(command(target, "restore", "--file", hostile.toString()), target);
  }

  private static AdminCommands.Result command(Path dataDirectory, String... args) {
    return AdminCommands.runWith(List.of("--ccr.data-dir=" + dataDirectory), "", args);
  }
}
