package org.ccrhub.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long an address must wait after failing to sign in. Failures from one address with one email
 * are free up to {@code failuresBeforeWait}; each further one makes that address wait, for that
 * email only: the first wait, then twice as long each time, never longer than the longest wait. An
 * address that fails {@code maxFailuresPerAddress} times within one window, whatever the emails, is
 * busy until the window ends (ADR 12).
 */
@Component
class SignInWaits {

  private final int failuresBeforeWait;
  private final Duration firstWait;
  private final Duration longestWait;
  private final int maxFailuresPerAddress;
  private final Duration addressWindow;

  SignInWaits(
      @Value("${ccr.sign-in.failures-before-wait:5}") int failuresBeforeWait,
      @Value("${ccr.sign-in.first-wait:1m}") Duration firstWait,
      @Value("${ccr.sign-in.longest-wait:15m}") Duration longestWait,
      @Value("${ccr.sign-in.max-failures-per-address:30}") int maxFailuresPerAddress,
      @Value("${ccr.sign-in.address-window:15m}") Duration addressWindow) {
    if (failuresBeforeWait < 1 || maxFailuresPerAddress < 1) {
      throw new IllegalArgumentException(
          "ccr.sign-in.failures-before-wait and ccr.sign-in.max-failures-per-address must be 1 or"
              + " more");
    }
    if (firstWait.isNegative()
        || firstWait.isZero()
        || longestWait.compareTo(firstWait) < 0
        || addressWindow.isNegative()
        || addressWindow.isZero()) {
      throw new IllegalArgumentException(
          "ccr.sign-in.first-wait and ccr.sign-in.address-window must be positive, and"
              + " ccr.sign-in.longest-wait at least the first wait");
    }
    this.failuresBeforeWait = failuresBeforeWait;
    this.firstWait = firstWait;
    this.longestWait = longestWait;
    this.maxFailuresPerAddress = maxFailuresPerAddress;
    this.addressWindow = addressWindow;
  }

  /** The wait after this many failures in a row from one address with one email, if any. */
  Optional<Duration> after(int failures) {
    if (failures < failuresBeforeWait) {
      return Optional.empty();
    }
    int doublings = Math.min(failures - failuresBeforeWait, 30);
    long millis = firstWait.toMillis() << doublings;
    return Optional.of(
        millis <= 0 || millis > longestWait.toMillis() ? longestWait : Duration.ofMillis(millis));
  }

  int failuresBeforeWait() {
    return failuresBeforeWait;
  }

  /** Whether an address with this many failures in the window that started then is busy now. */
  boolean addressBusy(int failures, Instant windowStartedAt, Instant now) {
    return failures >= maxFailuresPerAddress && !windowOver(windowStartedAt, now);
  }

  boolean windowOver(Instant windowStartedAt, Instant now) {
    return !now.isBefore(windowStartedAt.plus(addressWindow));
  }

  /** When a busy address may try again. */
  Instant addressFreeAt(Instant windowStartedAt) {
    return windowStartedAt.plus(addressWindow);
  }

  int maxFailuresPerAddress() {
    return maxFailuresPerAddress;
  }

  boolean startsAddressEpisode(int failures) {
    return failures == maxFailuresPerAddress;
  }

  /** Failures older than this are forgotten, and their episode summarised. */
  Duration memory() {
    Duration day = Duration.ofHours(24);
    return longestWait.compareTo(day) > 0 ? longestWait : day;
  }

  /** An account keeps trying from a busy address it signed in from within this time. */
  Duration knownAddressMemory() {
    return Duration.ofDays(90);
  }
}
