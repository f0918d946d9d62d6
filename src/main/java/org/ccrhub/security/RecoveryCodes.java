package org.ccrhub.security;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recovery codes: ten single-use codes for signing in without the authenticator app (a lost or
 * broken phone). Each is 10 characters from an alphabet without look-alikes (no 0, o, 1, i, l),
 * about 49 bits, shown as two groups of five ({@code k7mqx-3tnwe}) and kept only as an Argon2 hash.
 */
final class RecoveryCodes {

  static final int COUNT = 10;
  static final int LENGTH = 10;
  private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private RecoveryCodes() {}

  /** {@value #COUNT} new codes, as the person is shown them. */
  static List<String> generate() {
    List<String> codes = new ArrayList<>();
    while (codes.size() < COUNT) {
      StringBuilder code = new StringBuilder();
      for (int i = 0; i < LENGTH; i++) {
        if (i == LENGTH / 2) {
          code.append('-');
        }
        code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
      }
      if (!codes.contains(code.toString())) {
        codes.add(code.toString());
      }
    }
    return codes;
  }

  /**
   * A typed code as it is hashed: lower case, without the spaces and hyphens people type between
   * the groups. Empty when it cannot be a recovery code (the wrong length or characters).
   */
  static Optional<String> normalise(String typed) {
    String code = typed == null ? "" : typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    if (code.length() != LENGTH || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
      return Optional.empty();
    }
    return Optional.of(code);
  }
}
