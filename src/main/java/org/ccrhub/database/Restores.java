package org.ccrhub.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.ccrhub.audit.AuditFiles;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.KeyFiles;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Loads a backup into an empty database: checks every entry against the manifest first, creates the
 * schema by migrating to the backup's version (as the schema owner, with {@link LeastPrivilege},
 * exactly as at a start), loads each table in one transaction, sets the sequences, and puts the
 * audit checkpoint and key files in the data directory. The next start of CCR Hub migrates to its
 * own version.
 */
final class Restores {

  /** Far more than the manifest of any installation's backup (some tens of kilobytes). */
  static final int MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

  private Restores() {}

  /** Reads the manifest and checks each entry's rows and SHA-256; refuses anything amiss. */
  static BackupManifest checked(ZipFile backup) throws IOException {
    ZipEntry manifestEntry = backup.getEntry(BackupManifest.ENTRY);
    if (manifestEntry == null) {
      throw new InvalidInputException(
          "File '" + backup.getName() + "' is not a CCR Hub backup: it has no manifest.json");
    }
    BackupManifest manifest;
    try (InputStream in = backup.getInputStream(manifestEntry)) {
      byte[] json = in.readNBytes(MAX_MANIFEST_BYTES + 1);
      if (json.length > MAX_MANIFEST_BYTES) {
        throw new InvalidInputException(
            "File '"
                + backup.getName()
                + "' is not a CCR Hub backup: its manifest.json is larger than any backup's");
      }
      manifest = BackupManifest.fromJson(json);
    } catch (InvalidInputException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new InvalidInputException(
          "File '" + backup.getName() + "' is not a CCR Hub backup: its manifest.json is damaged");
    }
    if (manifest.format() != BackupManifest.FORMAT) {
      throw new InvalidInputException(
          "The backup is in format "
              + manifest.format()
              + ", which this CCR Hub cannot read (it reads format "
              + BackupManifest.FORMAT
              + "): restore it with the CCR Hub that took it ("
              + manifest.ccrHubVersion()
              + ")");
    }
    List<String> problems = new ArrayList<>();
    Set<String> described = new HashSet<>(Set.of(BackupManifest.ENTRY));
    Set<String> tables = new HashSet<>();
    for (BackupManifest.Table table : manifest.tables()) {
      // a backup never keeps sessions, uploads, rate counters, job locks or Flyway's history: a
      // manifest that names one would plant it (a session is a signed-in person, held as Java
      // objects the server would read back)
      if (Backups.ephemeral(table.name()) || table.name().equals(Backups.SCHEMA_HISTORY)) {
        problems.add(table.name() + " is not a table a backup keeps");
        continue;
      }
      if (!tables.add(table.name())) {
        problems.add(table.name() + " is listed twice");
        continue;
      }
      described.add(table.entry());
      Entry found = read(backup, table.entry());
      if (found == null) {
        problems.add(table.entry() + " is missing");
      } else if (!found.sha256().equals(table.sha256()) || found.lines() != table.rows()) {
        problems.add(table.entry() + " is not as it was written (its SHA-256 differs)");
      }
    }
    Set<String> sequences = new HashSet<>();
    for (BackupManifest.Sequence sequence : manifest.sequences()) {
      if (!sequences.add(sequence.name())) {
        problems.add("sequence " + sequence.name() + " is listed twice");
      }
    }
    Set<String> files = new HashSet<>();
    for (BackupManifest.DataFile file : manifest.files()) {
      if (!Backups.DATA_FILES.contains(file.name())) {
        problems.add(file.name() + " is not a file a backup keeps");
        continue;
      }
      if (!files.add(file.name())) {
        problems.add(file.name() + " is listed twice");
        continue;
      }
      described.add(file.entry());
      Entry found = read(backup, file.entry());
      if (found == null) {
        problems.add(file.entry() + " is missing");
      } else if (!found.sha256().equals(file.sha256())) {
        problems.add(file.entry() + " is not as it was written (its SHA-256 differs)");
      }
    }
    backup.stream()
        .map(ZipEntry::getName)
        .filter(name -> !described.contains(name))
        .forEach(name -> problems.add(name + " is not in the manifest"));
    if (!problems.isEmpty()) {
      throw new InvalidInputException(
          "The backup '"
              + backup.getName()
              + "' is damaged or was altered, so nothing was restored:\n- "
              + String.join("\n- ", problems));
    }
    return manifest;
  }

  private record Entry(String sha256, long lines) {}

  private static Entry read(ZipFile backup, String name) throws IOException {
    ZipEntry entry = backup.getEntry(name);
    if (entry == null) {
      return null;
    }
    MessageDigest digest = Backups.newDigest();
    long lines = 0;
    try (InputStream in = new DigestInputStream(backup.getInputStream(entry), digest)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            lines++;
          }
        }
      }
    }
    return new Entry(HexFormat.of().formatHex(digest.digest()), lines);
  }

  /** Refuses a data directory that holds anything: a restore never mixes with what is there. */
  static void refuseNonEmptyDirectory(Path dataDirectory) throws IOException {
    if (!Files.exists(dataDirectory)) {
      return;
    }
    if (!Files.isDirectory(dataDirectory)) {
      throw new InvalidInputException(
          "The data directory "
              + dataDirectory
              + " is a file: restore into a new, empty directory");
    }
    try (Stream<Path> entries = Files.list(dataDirectory)) {
      List<String> names = entries.map(p -> p.getFileName().toString()).sorted().limit(5).toList();
      if (!names.isEmpty()) {
        throw new InvalidInputException(
            "The data directory "
                + dataDirectory
                + " is not empty (it has "
                + String.join(", ", names)
                + "): a restore goes into a new, empty directory and never replaces an"
                + " installation. Give another --ccr.data-dir, or move this one aside.");
      }
    }
  }

  /** With an external database: refuses one whose schema has any table, sequence or view. */
  static void refuseNonEmptyDatabase(OwnerConnection database) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                """
                select current_schema(), count(*) from pg_class c
                join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
                """)) {
      rs.next();
      if (rs.getLong(2) > 0) {
        throw new InvalidInputException(
            "The database's schema "
                + rs.getString(1)
                + " is not empty ("
                + rs.getLong(2)
                + " tables, views and sequences): a restore goes into an empty database and never"
                + " replaces an installation. Create a new database (or schema) for it.");
      }
    }
  }

  /**
   * Refuses a data directory that already holds the files the backup would put there (with an
   * external database, where the data directory holds only these).
   */
  static void refuseFilesInPlace(Path dataDirectory, BackupManifest manifest) {
    for (BackupManifest.DataFile file : manifest.files()) {
      if (Files.exists(dataDirectory.resolve(file.name()))) {
        throw new InvalidInputException(
            "The data directory "
                + dataDirectory
                + " already has "
                + file.name()
                + ": a restore never replaces it. Give an empty --ccr.data-dir.");
      }
    }
  }

  /**
   * Creates the schema of the backup's version, as CCR Hub migrates at a start; refuses a version
   * this CCR Hub has no migration for (a backup taken by a newer one) before creating anything.
   */
  static void createSchema(OwnerConnection database, BackupManifest manifest) {
    if (!hasMigration(manifest.schemaVersion())) {
      throw new InvalidInputException(
          "The backup is of database version "
              + manifest.schemaVersion()
              + ", which this CCR Hub does not have: restore it with CCR Hub "
              + manifest.ccrHubVersion()
              + " or later");
    }
    Flyway flyway =
        Flyway.configure()
            .dataSource(database.url(), database.owner(), database.ownerPassword())
            .locations("classpath:db/migration")
            .target(manifest.schemaVersion())
            .callbacks(new LeastPrivilege(database.application()))
            .load();
    flyway.migrate();
  }

  private static boolean hasMigration(String version) {
    if (version == null || !version.matches("[0-9]{1,9}(\\.[0-9]{1,9}){0,4}")) {
      return false;
    }
    try {
      return new PathMatchingResourcePatternResolver(Restores.class.getClassLoader())
              .getResources("classpath*:db/migration/V" + version.replace('.', '_') + "__*.sql")
              .length
          > 0;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list the database migrations", e);
    }
  }

  /**
   * Refuses a manifest that names a table, column or sequence that the schema of its version does
   * not have (or, for tables, that a backup does not keep): only what a backup of this schema holds
   * is loaded, named as the schema names it.
   */
  private static void checkShape(Connection connection, BackupManifest manifest)
      throws SQLException {
    Map<String, List<String>> kept;
    Set<String> sequences = new HashSet<>();
    try (Statement statement = connection.createStatement()) {
      kept = Backups.keptColumns(statement);
      try (ResultSet rs =
          statement.executeQuery(
              """
              select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
              where n.nspname = current_schema() and c.relkind = 'S'
              """)) {
        while (rs.next()) {
          sequences.add(rs.getString(1));
        }
      }
    }
    List<String> problems = new ArrayList<>();
    for (BackupManifest.Table table : manifest.tables()) {
      List<String> columns = kept.get(table.name());
      if (columns == null) {
        problems.add(table.name() + " is not a table of this database that a backup keeps");
        continue;
      }
      Set<String> seen = new HashSet<>();
      for (String column : table.columns()) {
        if (!columns.contains(column) || !seen.add(column)) {
          problems.add(table.name() + " has no column " + column + " (or names it twice)");
        }
      }
    }
    for (BackupManifest.Sequence sequence : manifest.sequences()) {
      if (!sequences.contains(sequence.name())) {
        problems.add("sequence " + sequence.name() + " is not a sequence of this database");
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(
          "The backup's manifest names what a backup of database version "
              + manifest.schemaVersion()
              + " does not hold:\n- "
              + String.join("\n- ", problems));
    }
  }

  /**
   * Loads every table in one transaction, in the manifest's order (a table after those it refers
   * to). The tables' own triggers are off while they load (the rows are loaded as they were, not
   * added: an append-only or checking trigger has nothing to say about them) and on again before
   * the commit; foreign keys are checked as each row loads, except a table's keys to itself, which
   * are checked for all its rows once it is loaded.
   */
  static long load(OwnerConnection database, ZipFile backup, BackupManifest manifest)
      throws SQLException, IOException {
    long rows = 0;
    try (Connection connection = database.connect()) {
      connection.setAutoCommit(false);
      String version;
      try (Statement statement = connection.createStatement();
          ResultSet rs =
              statement.executeQuery(
                  "select version from "
                      + Backups.SCHEMA_HISTORY
                      + " where success and version is not null"
                      + " order by installed_rank desc limit 1")) {
        rs.next();
        version = rs.getString(1);
      }
      if (!manifest.schemaVersion().equals(version)) {
        throw new InvalidInputException(
            "The backup is of database version "
                + manifest.schemaVersion()
                + ", which this CCR Hub does not have (its migrations reach "
                + version
                + "): restore it with CCR Hub "
                + manifest.ccrHubVersion()
                + " or later");
      }
      checkShape(connection, manifest);
      List<String[]> selfReferences = new ArrayList<>();
      try (Statement statement = connection.createStatement()) {
        for (BackupManifest.Table table : manifest.tables()) {
          statement.execute("alter table " + Backups.quote(table.name()) + " disable trigger user");
        }
        // a row may refer to a later row of its table (a group moved under a newer one): such
        // keys are dropped while the table loads and added again after, which checks every row
        try (ResultSet rs =
            statement.executeQuery(
                """
                select c.relname, f.conname, pg_get_constraintdef(f.oid) from pg_constraint f
                join pg_class c on c.oid = f.conrelid
                join pg_namespace n on n.oid = c.relnamespace
                where f.contype = 'f' and f.conrelid = f.confrelid
                  and n.nspname = current_schema()
                """)) {
          while (rs.next()) {
            selfReferences.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
          }
        }
        for (String[] key : selfReferences) {
          statement.execute(
              "alter table " + Backups.quote(key[0]) + " drop constraint " + Backups.quote(key[1]));
        }
        // rows the migrations added (shipped lists) are in the backup as they were at its time
        List<BackupManifest.Table> dependentsFirst = new ArrayList<>(manifest.tables());
        Collections.reverse(dependentsFirst);
        for (BackupManifest.Table table : dependentsFirst) {
          statement.execute("delete from " + Backups.quote(table.name()));
        }
      }
      var copy = connection.unwrap(PGConnection.class).getCopyAPI();
      for (BackupManifest.Table table : manifest.tables()) {
        try (InputStream in = backup.getInputStream(backup.getEntry(table.entry()))) {
          long loaded;
          try {
            loaded =
                copy.copyIn(
                    "copy "
                        + Backups.quote(table.name())
                        + " ("
                        + String.join(", ", Backups.quoted(table.columns()))
                        + ") from stdin",
                    in);
          } catch (SQLException e) {
            // PostgreSQL's message quotes the row it could not load, and rows hold personal data:
            // only the table and the error's code are said, never logged with the message
            throw new InvalidInputException(
                "The rows of "
                    + table.name()
                    + " in the backup could not be loaded (PostgreSQL error "
                    + e.getSQLState()
                    + "): the backup does not fit this version's tables, or was changed. Nothing"
                    + " was loaded; drop what the restore created (the data directory, or the"
                    + " schema's tables) before trying again.");
          }
          if (loaded != table.rows()) {
            throw new IllegalStateException(
                "Loaded " + loaded + " rows into " + table.name() + ", not " + table.rows());
          }
          rows += loaded;
        }
      }
      try (PreparedStatement setval =
          connection.prepareStatement("select setval(?::regclass, ?, ?)")) {
        for (BackupManifest.Sequence sequence : manifest.sequences()) {
          setval.setString(1, Backups.quote(sequence.name()));
          setval.setLong(2, sequence.lastValue());
          setval.setBoolean(3, sequence.called());
          setval.execute();
        }
      }
      try (Statement statement = connection.createStatement()) {
        for (String[] key : selfReferences) {
          statement.execute(
              "alter table "
                  + Backups.quote(key[0])
                  + " add constraint "
                  + Backups.quote(key[1])
                  + " "
                  + key[2]);
        }
        for (BackupManifest.Table table : manifest.tables()) {
          statement.execute("alter table " + Backups.quote(table.name()) + " enable trigger user");
        }
      }
      connection.commit();
    }
    return rows;
  }

  /**
   * Puts the backup's audit checkpoint and key files in the data directory, readable by its owner.
   */
  static void putFiles(Path dataDirectory, ZipFile backup, BackupManifest manifest)
      throws IOException {
    Files.createDirectories(dataDirectory);
    FileAttribute<?>[] ownerOnly = KeyFiles.ownerOnly();
    for (BackupManifest.DataFile file : manifest.files()) {
      Path target = dataDirectory.resolve(file.name());
      Path temporary = target.resolveSibling(file.name() + ".restoring");
      Files.deleteIfExists(temporary);
      try (InputStream in = backup.getInputStream(backup.getEntry(file.entry()));
          FileChannel channel =
              FileChannel.open(
                  temporary,
                  Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                  ownerOnly)) {
        in.transferTo(java.nio.channels.Channels.newOutputStream(channel));
        channel.force(true);
      }
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  static boolean hasCheckpoint(BackupManifest manifest) {
    return manifest.files().stream().anyMatch(f -> f.name().equals(AuditFiles.CHECKPOINT));
  }
}
