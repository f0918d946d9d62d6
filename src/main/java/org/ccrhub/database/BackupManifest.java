package org.ccrhub.database;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a backup holds, written as {@code manifest.json} after everything it describes: the versions
 * it was taken from, and each table's rows, each sequence's value and each file of the data
 * directory, with their SHA-256 so that a restore can refuse a damaged or altered backup before it
 * changes anything.
 *
 * @param format the layout of the backup file, so a later CCR Hub can read an older backup
 * @param ccrHubVersion the CCR Hub that took it
 * @param takenAt when its snapshot began (ISO 8601, UTC)
 * @param schemaVersion the last Flyway migration applied to the database
 * @param serverVersion the PostgreSQL server's version
 * @param tables in the order a restore loads them (a table after those it refers to)
 * @param sequences their values when the snapshot began (or a little later: never earlier)
 * @param files the audit checkpoint and the keys kept as files in the data directory
 */
record BackupManifest(
    int format,
    String ccrHubVersion,
    String takenAt,
    String schemaVersion,
    String serverVersion,
    List<Table> tables,
    List<Sequence> sequences,
    List<DataFile> files) {

  static final int FORMAT = 1;
  static final String ENTRY = "manifest.json";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * One table's rows in PostgreSQL's COPY text format, ordered by primary key.
   *
   * @param entry the archive entry holding the rows
   */
  record Table(String name, List<String> columns, String entry, long rows, String sha256) {}

  record Sequence(String name, long lastValue, boolean called) {}

  /**
   * A file of the data directory.
   *
   * @param name its name in the data directory
   * @param entry the archive entry holding it
   */
  record DataFile(String name, String entry, long bytes, String sha256) {}

  byte[] toJson() {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
  }

  static BackupManifest fromJson(byte[] json) {
    return JSON.readValue(json, BackupManifest.class);
  }
}
