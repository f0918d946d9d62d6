package org.ccrhub.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AttemptTests {

  private static final Instant NOW = Instant.parse("2017-01-03T07:00:00Z");

  @Test
  void aSentMessageCountsItsAttemptAndWhenItWasSent() {
    Attempt sent = Attempt.sent(2, NOW);

    assertThat(sent.status()).isEqualTo(MailStatus.SENT);
    assertThat(sent.attempts()).isEqualTo(3);
    assertThat(sent.sentAt()).isEqualTo(NOW);
    assertThat(sent.nextAttemptAt()).isNull();
    assertThat(sent.lastError()).isNull();
  }

  @Test
  void triesAgainAfterOneMinuteFiveMinutesHalfAnHourTwoHoursAndTwelveHoursThenGivesUp() {
    DeliveryFailure down = DeliveryFailure.temporary("Could not connect to the mail server");
    Duration[] waits = {
      Duration.ofMinutes(1),
      Duration.ofMinutes(5),
      Duration.ofMinutes(30),
      Duration.ofHours(2),
      Duration.ofHours(12)
    };
    for (int before = 0; before < 5; before++) {
      Attempt attempt = Attempt.failed(before, down, NOW);
      assertThat(attempt.status()).isEqualTo(MailStatus.PENDING);
      assertThat(attempt.attempts()).isEqualTo(before + 1);
      assertThat(attempt.nextAttemptAt()).isEqualTo(NOW.plus(waits[before]));
      assertThat(attempt.lastError()).isEqualTo("Could not connect to the mail server");
    }

    Attempt last = Attempt.failed(5, down, NOW);

    assertThat(last.status()).isEqualTo(MailStatus.FAILED);
    assertThat(last.attempts()).isEqualTo(6);
    assertThat(last.nextAttemptAt()).isNull();
    assertThat(last.lastError()).isEqualTo("Could not connect to the mail server");
  }

  @Test
  void aPermanentRefusalFailsAtOnce() {
    Attempt refused =
        Attempt.failed(0, DeliveryFailure.permanent("The mail server refused the address"), NOW);

    assertThat(refused.status()).isEqualTo(MailStatus.FAILED);
    assertThat(refused.attempts()).isEqualTo(1);
    assertThat(refused.nextAttemptAt()).isNull();
    assertThat(refused.lastError()).isEqualTo("The mail server refused the address");
  }
}
