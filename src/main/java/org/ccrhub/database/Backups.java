package org.ccrhub.database;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.ccrhub.audit.AuditFiles;
import org.postgresql.PGConnection;

/**
 * Writes a backup: one consistent snapshot of every table that holds records (a {@code REPEATABLE
 * READ READ ONLY} transaction), each table streamed from PostgreSQL's {@code COPY} into its own
 * compressed entry, never held in memory, then the data directory's audit checkpoint and key files,
 * then the {@link BackupManifest}.
 *
 * <p>The checkpoint is read, under its lock, before the snapshot begins: a chain's head is written
 * to it only after its record is committed, so the snapshot holds every record the copied
 * checkpoint names, and {@code audit verify} passes on the restored installation (ADR 11, ADR 24).
 */
final class Backups {

  /**
   * Tables whose rows belong to a moment, not to the records: sessions (everyone signs in again),
   * import uploads waiting for confirmation, API rate counters, and the scheduled jobs' locks.
   */
  static boolean ephemeral(String table) {
    return table.startsWith("spring_session")
        || table.equals("pending_upload")
        || table.equals("api_rate")
        || table.equals("shedlock");
  }

  /** Flyway's history: a restore makes its own by migrating to the backup's version. */
  static final String SCHEMA_HISTORY = "flyway_schema_history";

  /** The two-factor key's file name in the data directory (security/TwoFactorKey). */
  static final String TWO_FACTOR_KEY = "two-factor.key";

  /** The data directory's files a backup keeps, when they are there. */
  static final List<String> DATA_FILES =
      List.of(AuditFiles.CHECKPOINT, AuditFiles.KEY, TWO_FACTOR_KEY);

  private Backups() {}

  /** Writes the backup to the stream (which is not closed) and returns its manifest. */
  static BackupManifest write(OwnerConnection database, OutputStream out)
      throws IOException, SQLException {
    Path dataDirectory = database.dataDirectory();
    // first the checkpoint, then the snapshot: never a head the snapshot lacks
    Optional<byte[]> checkpoint =
        Files.isDirectory(dataDirectory)
            ? AuditFiles.checkpoint(dataDirectory)
            : Optional.<byte[]>empty();
    Map<String, byte[]> files = new LinkedHashMap<>();
    checkpoint.ifPresent(bytes -> files.put(AuditFiles.CHECKPOINT, bytes));
    for (String key : List.of(AuditFiles.KEY, TWO_FACTOR_KEY)) {
      Path file = dataDirectory.resolve(key);
      if (Files.isRegularFile(file)) {
        files.put(key, Files.readAllBytes(file));
      }
    }
    try (Connection connection = database.connect()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute("set transaction isolation level repeatable read, read only");
        String takenAt =
            single(
                statement,
                "select to_char(now() at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')");
        String serverVersion = single(statement, "show server_version");
        String schemaVersion = schemaVersion(statement);
        ZipOutputStream zip = new ZipOutputStream(new Unclosed(out));
        List<BackupManifest.Table> tables = new ArrayList<>();
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        for (TableShape table : tablesInLoadOrder(statement)) {
          String entry = "tables/" + table.name() + ".copy";
          zip.putNextEntry(new ZipEntry(entry));
          Counting counted = new Counting(zip);
          copy.copyOut(
              "copy (select "
                  + String.join(", ", quoted(table.columns()))
                  + " from "
                  + quote(table.name())
                  + (table.key().isEmpty()
                      ? ""
                      : " order by " + String.join(", ", quoted(table.key())))
                  + ") to stdout",
              counted);
          zip.closeEntry();
          tables.add(
              new BackupManifest.Table(
                  table.name(), table.columns(), entry, counted.lines, counted.sha256()));
        }
        List<BackupManifest.Sequence> sequences = sequences(statement);
        List<BackupManifest.DataFile> kept = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
          String entry = "files/" + file.getKey();
          zip.putNextEntry(new ZipEntry(entry));
          zip.write(file.getValue());
          zip.closeEntry();
          kept.add(
              new BackupManifest.DataFile(
                  file.getKey(), entry, file.getValue().length, sha256(file.getValue())));
        }
        BackupManifest manifest =
            new BackupManifest(
                BackupManifest.FORMAT,
                ccrHubVersion(),
                takenAt,
                schemaVersion,
                serverVersion,
                tables,
                sequences,
                kept);
        zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
        zip.write(manifest.toJson());
        zip.closeEntry();
        zip.finish();
        connection.rollback(); // read only: nothing to commit
        return manifest;
      }
    }
  }

  static String ccrHubVersion() {
    String version = Backups.class.getPackage().getImplementationVersion();
    return version == null ? "development build" : version;
  }

  private static String schemaVersion(Statement statement) throws SQLException {
    try (ResultSet rs =
        statement.executeQuery(
            "select version from "
                + SCHEMA_HISTORY
                + " where success and version is not null order by installed_rank desc limit 1")) {
      if (!rs.next()) {
        throw new IllegalStateException(
            "The database has no migrations applied: nothing to back up");
      }
      return rs.getString(1);
    }
  }

  /** A table: its columns (generated ones are computed again), and its primary key. */
  record TableShape(String name, List<String> columns, List<String> key) {}

  /**
   * The tables of the schema a backup keeps (neither {@linkplain #ephemeral ephemeral} nor Flyway's
   * history), each with its columns but generated ones: all that a restore may load.
   */
  static Map<String, List<String>> keptColumns(Statement statement) throws SQLException {
    Map<String, List<String>> columns = new TreeMap<>();
    try (ResultSet rs =
        statement.executeQuery(
            """
            select c.relname, a.attname from pg_class c
            join pg_namespace n on n.oid = c.relnamespace
            join pg_attribute a on a.attrelid = c.oid
            where n.nspname = current_schema() and c.relkind in ('r', 'p')
              and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
            order by c.relname, a.attnum
            """)) {
      while (rs.next()) {
        String table = rs.getString(1);
        if (!ephemeral(table) && !table.equals(SCHEMA_HISTORY)) {
          columns.computeIfAbsent(table, t -> new ArrayList<>()).add(rs.getString(2));
        }
      }
    }
    return columns;
  }

  /**
   * The tables of the schema that hold records, each after the tables it refers to (ties by name);
   * a table that refers to itself is ordered by its primary key, so earlier rows come first.
   */
  private static List<TableShape> tablesInLoadOrder(Statement statement) throws SQLException {
    Map<String, List<String>> columns = keptColumns(statement);
    Map<String, List<String>> keys = new TreeMap<>();
    try (ResultSet rs =
        statement.executeQuery(
            """
            select c.relname, a.attname from pg_index i
            join pg_class c on c.oid = i.indrelid
            join pg_namespace n on n.oid = c.relnamespace
            cross join lateral unnest(i.indkey) with ordinality as k(attnum, position)
            join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
            where i.indisprimary and n.nspname = current_schema()
            order by c.relname, k.position
            """)) {
      while (rs.next()) {
        keys.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
      }
    }
    Map<String, TreeSet<String>> refersTo = new TreeMap<>();
    columns.keySet().forEach(table -> refersTo.put(table, new TreeSet<>()));
    try (ResultSet rs =
        statement.executeQuery(
            """
            select c.relname, r.relname from pg_constraint f
            join pg_class c on c.oid = f.conrelid
            join pg_class r on r.oid = f.confrelid
            join pg_namespace n on n.oid = c.relnamespace
            where f.contype = 'f' and n.nspname = current_schema()
            """)) {
      while (rs.next()) {
        String table = rs.getString(1);
        String referenced = rs.getString(2);
        if (refersTo.containsKey(table)
            && refersTo.containsKey(referenced)
            && !table.equals(referenced)) {
          refersTo.get(table).add(referenced);
        }
      }
    }
    List<TableShape> ordered = new ArrayList<>();
    TreeSet<String> placed = new TreeSet<>();
    while (placed.size() < refersTo.size()) {
      String next =
          refersTo.entrySet().stream()
              .filter(e -> !placed.contains(e.getKey()) && placed.containsAll(e.getValue()))
              .map(Map.Entry::getKey)
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "Tables refer to each other in a cycle; they cannot be ordered"));
      placed.add(next);
      ordered.add(new TableShape(next, columns.get(next), keys.getOrDefault(next, List.of())));
    }
    return ordered;
  }

  private static List<BackupManifest.Sequence> sequences(Statement statement) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs =
        statement.executeQuery(
            """
            select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = current_schema() and c.relkind = 'S' order by c.relname
            """)) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    List<BackupManifest.Sequence> sequences = new ArrayList<>();
    for (String name : names) {
      try (ResultSet rs =
          statement.executeQuery("select last_value, is_called from " + quote(name))) {
        rs.next();
        sequences.add(new BackupManifest.Sequence(name, rs.getLong(1), rs.getBoolean(2)));
      }
    }
    return sequences;
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  static List<String> quoted(List<String> identifiers) {
    return identifiers.stream().map(Backups::quote).toList();
  }

  private static String single(Statement statement, String query) throws SQLException {
    try (ResultSet rs = statement.executeQuery(query)) {
      rs.next();
      return rs.getString(1);
    }
  }

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("No SHA-256 in this Java", e);
    }
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(newDigest().digest(bytes));
  }

  /** Passes bytes on while counting lines (rows, in COPY's text format) and hashing them. */
  static final class Counting extends FilterOutputStream {
    private final MessageDigest digest = newDigest();
    long lines;

    Counting(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      digest.update((byte) b);
      if (b == '\n') {
        lines++;
      }
      out.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      digest.update(bytes, offset, length);
      for (int i = offset; i < offset + length; i++) {
        if (bytes[i] == '\n') {
          lines++;
        }
      }
      out.write(bytes, offset, length);
    }

    @Override
    public void close() {
      // the archive entry is closed by the archive
    }

    String sha256() {
      return HexFormat.of().formatHex(digest.digest());
    }
  }

  /** The caller's stream, which finishing the archive must not close (it may be stdout). */
  private static final class Unclosed extends FilterOutputStream {
    Unclosed(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
