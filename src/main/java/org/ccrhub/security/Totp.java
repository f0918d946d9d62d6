package org.ccrhub.security;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Time-based one-time passwords (RFC 6238), as every authenticator app makes them: HMAC-SHA-1,
 * 30-second time steps, 6 digits, computed by java-otp. A code is accepted for its own time step
 * and the steps either side ({@value #DRIFT_STEPS}), for a phone whose clock is a little out and a
 * person who types slowly; and only for a step later than the last one accepted, so that a code
 * that was seen (over a shoulder, in a phishing page) cannot be used again.
 */
final class Totp {

  static final Duration STEP = Duration.ofSeconds(30);
  static final int DIGITS = 6;
  static final int DRIFT_STEPS = 1;

  private final TimeBasedOneTimePasswordGenerator generator;
  private final int digits;

  /** Codes of {@value #DIGITS} digits, as CCR Hub uses them. */
  Totp() {
    this(DIGITS);
  }

  /** Codes of 6 to 8 digits (RFC 6238's test vectors have 8). */
  Totp(int digits) {
    this.digits = digits;
    this.generator =
        new TimeBasedOneTimePasswordGenerator(
            STEP, digits, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
  }

  /** The time step an instant falls in: whole steps since 1970-01-01T00:00:00Z. */
  static long stepAt(Instant instant) {
    return Math.floorDiv(instant.getEpochSecond(), STEP.toSeconds());
  }

  /** The code for a time step, with leading zeros. */
  String code(TotpSecret secret, long step) {
    try {
      return generator.generateOneTimePasswordString(
          secret.key(), Instant.ofEpochSecond(step * STEP.toSeconds()), Locale.ROOT);
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("A two-factor secret is always a valid HMAC key", e);
    }
  }

  /** The code for the time step an instant falls in. */
  String codeAt(TotpSecret secret, Instant instant) {
    return code(secret, stepAt(instant));
  }

  /** What a typed code turned out to be. */
  sealed interface Check {
    /** Right, for this time step, which is later than the last one accepted. */
    record Accepted(long step) implements Check {}

    /** Right, but its time step was accepted already: a code signs in once. */
    record AlreadyUsed() implements Check {}

    /** Not the code of any time step near now (or not a code at all). */
    record Wrong() implements Check {}
  }

  /**
   * Checks a typed code (already reduced to its digits) against the steps around now.
   *
   * @param lastUsedStep the step of the last code accepted for this secret, or -1 for none
   */
  Check check(TotpSecret secret, String code, Instant now, long lastUsedStep) {
    if (code.length() != digits || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return new Check.Wrong();
    }
    byte[] typed = code.getBytes(StandardCharsets.US_ASCII);
    long current = stepAt(now);
    boolean used = false;
    for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
      // compared in constant time, so the time taken tells nothing of the right code
      if (MessageDigest.isEqual(typed, code(secret, step).getBytes(StandardCharsets.US_ASCII))) {
        if (step > lastUsedStep) {
          return new Check.Accepted(step);
        }
        used = true;
      }
    }
    return used ? new Check.AlreadyUsed() : new Check.Wrong();
  }
}
