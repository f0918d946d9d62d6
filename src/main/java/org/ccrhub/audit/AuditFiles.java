package org.ccrhub.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The audit trail's files in the data directory, for a backup and a restore: the checkpoint (ADR
 * 11) and the key it and the trail are sealed with, when the key is a file.
 */
public final class AuditFiles {

  /** The checkpoint's file name in the data directory. */
  public static final String CHECKPOINT = AuditCheckpoints.FILE_NAME;

  /** The audit key's file name in the data directory (absent when the key is configured). */
  public static final String KEY = AuditKeys.FILE_NAME;

  private AuditFiles() {}

  /**
   * The checkpoint as it is now, read under the lock its writers take, or empty when there is none.
   * Read before a database snapshot begins, it never names a record the snapshot lacks: a head is
   * written to the checkpoint only after its record is committed.
   */
  public static Optional<byte[]> checkpoint(Path dataDirectory) throws IOException {
    return AuditCheckpoints.readLocked(dataDirectory);
  }
}
