package org.ccrhub.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * One record of the audit trail as stored.
 *
 * <p>Records form one chain per partnership and one for records with no partnership (sign-ins,
 * password changes). Each record carries its number in its chain ({@link #chainSeq}) and a {@link
 * #hash}: an HMAC-SHA256, under the installation's audit key, over the hash of the record before it
 * in its chain, its number and every field of its own (except the database id). Changing, removing
 * or inserting a record breaks its chain, and nobody without the key can make a record that fits.
 *
 * <p>Records written before keyed hashing began ({@link #SHA_256}) form one older chain of plain
 * SHA-256 hashes without numbers; the first record of the chain with no partnership continues it.
 */
public record AuditRecord(
    long id,
    Instant occurredAt,
    String actor,
    @Nullable Long actorAccountId,
    @Nullable Long partnershipId,
    String action,
    @Nullable String objectType,
    @Nullable String objectId,
    String outcome,
    @Nullable String sourceAddress,
    @Nullable String summary,
    String previousHash,
    String hash,
    String hashAlgorithm,
    @Nullable Long chainSeq) {

  /** The previous hash of the first record of a chain. */
  public static final String GENESIS = "0".repeat(64);

  /** Records written before keyed hashing began: plain SHA-256, one chain for everything. */
  public static final String SHA_256 = "SHA-256";

  /** Records written since: HMAC-SHA256 under the audit key, one chain per partnership. */
  public static final String HMAC_SHA_256 = "HMAC-SHA256";

  /** A record as a row of {@code audit_event} holds it. */
  static AuditRecord read(ResultSet rs, int row) throws SQLException {
    return new AuditRecord(
        rs.getLong("id"),
        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
        rs.getString("actor"),
        (Long) rs.getObject("actor_user_id"),
        (Long) rs.getObject("partnership_id"),
        rs.getString("action"),
        rs.getString("object_type"),
        rs.getString("object_id"),
        rs.getString("outcome"),
        rs.getString("source_address"),
        rs.getString("summary"),
        rs.getString("previous_hash"),
        rs.getString("hash"),
        rs.getString("hash_algorithm"),
        (Long) rs.getObject("chain_seq"));
  }

  /** The chain of records with no partnership. */
  static final long NO_PARTNERSHIP = 0;

  /** Which chain the record belongs to: its partnership's id, or {@link #NO_PARTNERSHIP}. */
  long chain() {
    return chainOf(partnershipId);
  }

  static long chainOf(@Nullable Long partnershipId) {
    return partnershipId == null ? NO_PARTNERSHIP : partnershipId;
  }

  boolean keyed() {
    return HMAC_SHA_256.equals(hashAlgorithm);
  }

  /** The SHA-256 hash a record of the older chain should carry. */
  String sha256Hash() {
    return sha256Of(previousHash, occurredAt, fields());
  }

  /** The HMAC a keyed record should carry under the key. */
  String keyedHash(AuditKey key) {
    return hmacOf(key, chainSeq == null ? 0 : chainSeq, previousHash, occurredAt, fields());
  }

  private Object[] fields() {
    return new Object[] {
      actor,
      actorAccountId,
      partnershipId,
      action,
      objectType,
      objectId,
      outcome,
      sourceAddress,
      summary
    };
  }

  static String sha256Of(String previousHash, Instant occurredAt, Object... fields) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(
              digest.digest(
                  canonical(new StringBuilder(), previousHash, occurredAt, fields)
                      .getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  static String hmacOf(
      AuditKey key, long chainSeq, String previousHash, Instant occurredAt, Object... fields) {
    StringBuilder text = new StringBuilder("ccr-audit-hmac-1|");
    append(text, Long.toString(chainSeq));
    return key.mac(canonical(text, previousHash, occurredAt, fields));
  }

  private static String canonical(
      StringBuilder canonical, String previousHash, Instant occurredAt, Object... fields) {
    append(canonical, previousHash);
    append(canonical, occurredAt.toString());
    for (Object field : fields) {
      append(canonical, field == null ? null : field.toString());
    }
    return canonical.toString();
  }

  /** Length-prefixed, so that no two different field lists give the same text. */
  private static void append(StringBuilder canonical, @Nullable String value) {
    if (value == null) {
      canonical.append("-1:");
    } else {
      canonical.append(value.length()).append(':').append(value);
    }
    canonical.append('|');
  }
}
