package org.ccrhub.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An audit trail as an earlier version of CCR Hub left it, for upgrade tests: keyed records in a
 * schema of their own, and in the data directory the key file and the checkpoint of each chain's
 * newest record, as that version wrote them after each commit.
 */
public final class EarlierTrail {

  private final JdbcClient owner;
  private final String table;
  private final AuditKey key;
  private final Path dataDirectory;
  private final Map<Long, AuditCheckpoint.Head> heads = new HashMap<>();
  private final Instant started;

  /**
   * Begins the trail of a new installation: its key file and an empty checkpoint, as at its first
   * start.
   */
  public EarlierTrail(
      JdbcClient owner, String schema, Path dataDirectory, String keyBase64, Instant started)
      throws IOException {
    this.owner = owner;
    this.table = schema + ".audit_event";
    this.key = AuditKey.fromBase64(keyBase64, "test");
    this.dataDirectory = dataDirectory;
    this.started = started;
    Files.createDirectories(dataDirectory);
    Path keyFile = dataDirectory.resolve(AuditKeys.FILE_NAME);
    Files.writeString(keyFile, keyBase64, StandardCharsets.US_ASCII);
    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
    writeCheckpoint();
  }

  /** Appends a record to its chain as the earlier version did, and checkpoints it. */
  public EarlierTrail record(
      Instant at,
      String actor,
      @Nullable Long accountId,
      @Nullable Long partnershipId,
      String action,
      String objectType,
      String objectId,
      String summary)
      throws IOException {
    long chain = AuditRecord.chainOf(partnershipId);
    AuditCheckpoint.Head head = heads.get(chain);
    long number = head == null ? 1 : head.number() + 1;
    String previous = head == null ? AuditRecord.GENESIS : head.hash();
    String hash =
        AuditRecord.hmacOf(
            key,
            number,
            previous,
            at,
            actor,
            accountId,
            partnershipId,
            action,
            objectType,
            objectId,
            "SUCCESS",
            "127.0.0.1",
            summary);
    long id =
        owner
            .sql(
                "insert into "
                    + table
                    + " (occurred_at, actor, actor_user_id, partnership_id, action, object_type,"
                    + " object_id, outcome, source_address, summary, previous_hash, hash,"
                    + " hash_algorithm, chain_seq) values (:at, :actor, :account, :partnership,"
                    + " :action, :type, :object, 'SUCCESS', '127.0.0.1', :summary, :previous,"
                    + " :hash, 'HMAC-SHA256', :number) returning id")
            .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
            .param("actor", actor)
            .param("account", accountId)
            .param("partnership", partnershipId)
            .param("action", action)
            .param("type", objectType)
            .param("object", objectId)
            .param("summary", summary)
            .param("previous", previous)
            .param("hash", hash)
            .param("number", number)
            .query(Long.class)
            .single();
    heads.put(chain, new AuditCheckpoint.Head(chain, number, id, hash, at));
    writeCheckpoint();
    return this;
  }

  private void writeCheckpoint() throws IOException {
    Path file = dataDirectory.resolve(AuditCheckpoints.FILE_NAME);
    Files.writeString(
        file,
        new AuditCheckpoint(key.fingerprint(), started, null, heads).write(key),
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
  }
}
