package org.ccrhub.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one attempt to send a message leaves it as. A failure is tried again after 1 minute, 5
 * minutes, 30 minutes, 2 hours and 12 hours, so that a mail server down for a restart or a night
 * loses nothing; the sixth failure, or a permanent refusal at any attempt, leaves it not sent.
 *
 * @param attempts attempts made so far, this one included
 */
record Attempt(
    MailStatus status,
    int attempts,
    Instant at,
    @Nullable Instant nextAttemptAt,
    @Nullable Instant sentAt,
    @Nullable String lastError) {

  static final List<Duration> WAITS =
      List.of(
          Duration.ofMinutes(1),
          Duration.ofMinutes(5),
          Duration.ofMinutes(30),
          Duration.ofHours(2),
          Duration.ofHours(12));

  /** The attempts a message gets: the first and one after each wait. */
  static final int MAX_ATTEMPTS = WAITS.size() + 1;

  static Attempt sent(int attemptsBefore, Instant now) {
    return new Attempt(MailStatus.SENT, attemptsBefore + 1, now, null, now, null);
  }

  static Attempt failed(int attemptsBefore, DeliveryFailure failure, Instant now) {
    int attempts = attemptsBefore + 1;
    if (failure.permanent() || attempts >= MAX_ATTEMPTS) {
      return new Attempt(MailStatus.FAILED, attempts, now, null, null, failure.reason());
    }
    return new Attempt(
        MailStatus.PENDING,
        attempts,
        now,
        now.plus(WAITS.get(attempts - 1)),
        null,
        failure.reason());
  }
}
