package org.ccrhub.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.util.encoders.Base32;

/**
 * The secret an authenticator app shares with CCR Hub: 160 random bits, the length RFC 4226
 * recommends for HMAC-SHA-1, written in Base32 (RFC 4648) as the apps expect. It is shown once, at
 * enrolment, and kept only encrypted ({@link TwoFactorKey}); {@link #toString()} never shows it.
 */
final class TotpSecret {

  static final int BYTES = 20;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] bytes;

  private TotpSecret(byte[] bytes) {
    if (bytes.length != BYTES) {
      throw new IllegalArgumentException("A two-factor secret is " + BYTES + " bytes");
    }
    this.bytes = bytes.clone();
  }

  static TotpSecret random() {
    byte[] bytes = new byte[BYTES];
    RANDOM.nextBytes(bytes);
    return new TotpSecret(bytes);
  }

  static TotpSecret of(byte[] bytes) {
    return new TotpSecret(bytes);
  }

  byte[] bytes() {
    return bytes.clone();
  }

  /** The key the HMAC of each code is computed with. */
  SecretKeySpec key() {
    return new SecretKeySpec(bytes, "RAW");
  }

  /** The secret in Base32, 32 capital letters and digits 2 to 7 (20 bytes need no padding). */
  String base32() {
    return new String(Base32.encode(bytes), StandardCharsets.US_ASCII);
  }

  /** The Base32 text in groups of four, for typing into an app by hand. */
  List<String> groups() {
    String text = base32();
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < text.length(); i += 4) {
      groups.add(text.substring(i, Math.min(text.length(), i + 4)));
    }
    return groups;
  }

  /**
   * The {@code otpauth://} address that a QR code carries (the Key Uri Format the authenticator
   * apps read): the issuer and account name label the entry in the app.
   */
  String otpauthUri(String issuer, String accountName) {
    return "otpauth://totp/"
        + encode(issuer)
        + ":"
        + encode(accountName)
        + "?secret="
        + base32()
        + "&issuer="
        + encode(issuer)
        + "&algorithm=SHA1&digits="
        + Totp.DIGITS
        + "&period="
        + Totp.STEP.toSeconds();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TotpSecret secret && Arrays.equals(bytes, secret.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "TotpSecret[hidden]";
  }
}
