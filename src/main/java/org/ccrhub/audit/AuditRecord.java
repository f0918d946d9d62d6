package org.ccrhub.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * One record of the audit trail as stored.
 *
 * <p>Its {@link #hash} is SHA-256 over the hash of the record before it and every field of its own
 * (except the database id), so that changing, removing or inserting a record anywhere but at the
 * very end breaks the chain.
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
    String hash) {

  /** The previous hash of the first record. */
  public static final String GENESIS = "0".repeat(64);

  /** The hash this record should carry, computed from its content and its predecessor's hash. */
  public String expectedHash() {
    return hashOf(
        previousHash,
        occurredAt,
        actor,
        actorAccountId,
        partnershipId,
        action,
        objectType,
        objectId,
        outcome,
        sourceAddress,
        summary);
  }

  static String hashOf(String previousHash, Instant occurredAt, Object... fields) {
    StringBuilder canonical = new StringBuilder();
    append(canonical, previousHash);
    append(canonical, occurredAt.toString());
    for (Object field : fields) {
      append(canonical, field == null ? null : field.toString());
    }
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
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
