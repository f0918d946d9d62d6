package org.ccrhub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.service.notify.NotificationClient;

class NotifyChannelTests {

  @Test
  void aMessageNotifyRefusesAsNotValidIsNotTriedAgain() {
    assertThat(NotifyChannel.failure(400).permanent()).isTrue();
    assertThat(NotifyChannel.failure(400).reason())
        .isEqualTo("GOV.UK Notify refused the message as not valid (the address or the template)");
  }

  @Test
  void aRefusedKeyARateLimitAnOutageOrNoAnswerAreTriedAgain() {
    assertThat(NotifyChannel.failure(403).reason())
        .isEqualTo("GOV.UK Notify refused CCR Hub's API key");
    assertThat(NotifyChannel.failure(429).reason())
        .isEqualTo("GOV.UK Notify's sending limit was reached");
    assertThat(NotifyChannel.failure(500).reason())
        .isEqualTo("GOV.UK Notify could not take the message just now");
    assertThat(NotifyChannel.failure(0).reason()).isEqualTo("Could not reach GOV.UK Notify");
    for (int status : new int[] {403, 429, 500, 503, 0}) {
      assertThat(NotifyChannel.failure(status).permanent()).as("HTTP %d", status).isFalse();
    }
  }

  @Test
  void aKindOfMessageWithNoTemplateFailsAtOnceWithoutCallingNotify() {
    NotifyChannel channel =
        new NotifyChannel(
            new NotificationClient(
                "key-" + java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID(),
                "http://127.0.0.1:9"),
            Map.of("invitation", "f33517ff-2a88-4f6e-b855-c550268ce08a"));

    assertThatThrownBy(
            () ->
                channel.send(
                    new Channel.Envelope(1L, "a@b.example", "weekly-digest", "Subject", "Body")))
        .isInstanceOfSatisfying(
            DeliveryFailure.class,
            f -> {
              assertThat(f.permanent()).isTrue();
              assertThat(f.reason())
                  .isEqualTo("No GOV.UK Notify template is set up for this kind of message");
            });
  }
}
