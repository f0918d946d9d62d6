package org.ccrhub.audit;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that seals the audit trail: each record's hash is an HMAC-SHA256 under this key, so
 * someone who can change the database but cannot read the key cannot make a record that verifies.
 * It is never stored in the database and never logged.
 */
final class AuditKey {

  static final int MINIMUM_BYTES = 32;
  private static final String ALGORITHM = "HmacSHA256";

  /** Where the key came from, which tells whether the audit trail can be new. */
  enum Origin {
    /** {@code ccr.audit.key}. */
    CONFIGURED,
    /** {@code <data-dir>/audit.key}, created by this start: the trail has no keyed records. */
    CREATED,
    /** {@code <data-dir>/audit.key}, created by an earlier start. */
    KEPT
  }

  private final SecretKeySpec key;
  private final Origin origin;

  private AuditKey(byte[] bytes, Origin origin) {
    this.key = new SecretKeySpec(bytes, ALGORITHM);
    this.origin = origin;
  }

  /** A key from its bytes, refused when shorter than {@value #MINIMUM_BYTES} bytes. */
  static AuditKey of(byte[] bytes, String source) {
    return of(bytes, source, Origin.CONFIGURED);
  }

  /** A key from its bytes and where they came from. */
  static AuditKey of(byte[] bytes, String source, Origin origin) {
    if (bytes.length < MINIMUM_BYTES) {
      throw new AuditKeyException(
          source
              + " is only "
              + bytes.length
              + " bytes long; an audit key must be at least "
              + MINIMUM_BYTES
              + " bytes (44 Base64 characters). Make one with: openssl rand -base64 32");
    }
    return new AuditKey(bytes.clone(), origin);
  }

  /** A key written in standard Base64 (as {@code openssl rand -base64 32} prints it). */
  static AuditKey fromBase64(String text, String source) {
    return fromBase64(text, source, Origin.CONFIGURED);
  }

  /** A key written in standard Base64, and where it came from. */
  static AuditKey fromBase64(String text, String source, Origin origin) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text.strip());
    } catch (IllegalArgumentException e) {
      throw new AuditKeyException(
          source
              + " is not Base64: an audit key is at least 32 random bytes written in Base64."
              + " Make one with: openssl rand -base64 32");
    }
    return of(bytes, source, origin);
  }

  Origin origin() {
    return origin;
  }

  /** The HMAC-SHA256 of the text, in lower-case hex. */
  String mac(String text) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  /**
   * A short fingerprint that tells two keys apart without revealing either: written in the
   * checkpoint so that a different key is recognised as such, not reported as tampering.
   */
  String fingerprint() {
    return mac("CCR Hub audit key fingerprint").substring(0, 16);
  }

  @Override
  public String toString() {
    return "AuditKey[" + fingerprint() + "]";
  }
}
