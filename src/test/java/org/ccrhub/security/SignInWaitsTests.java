package org.ccrhub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignInWaitsTests {

  private final SignInWaits waits =
      new SignInWaits(5, Duration.ofMinutes(1), Duration.ofMinutes(15), 30, Duration.ofMinutes(15));

  @Test
  void letsFourFailuresPassWithoutWaiting() {
    assertThat(waits.after(1)).isEmpty();
    assertThat(waits.after(4)).isEmpty();
  }

  @Test
  void waitsAMinuteAfterTheFifthFailureThenTwiceAsLongEachTimeUpToTheLongestWait() {
    assertThat(waits.after(5)).contains(Duration.ofMinutes(1));
    assertThat(waits.after(6)).contains(Duration.ofMinutes(2));
    assertThat(waits.after(7)).contains(Duration.ofMinutes(4));
    assertThat(waits.after(8)).contains(Duration.ofMinutes(8));
    assertThat(waits.after(9)).contains(Duration.ofMinutes(15));
    assertThat(waits.after(10_000)).contains(Duration.ofMinutes(15));
    assertThat(waits.after(Integer.MAX_VALUE)).isEqualTo(Optional.of(Duration.ofMinutes(15)));
  }

  @Test
  void anAddressIsBusyFromItsThirtiethFailureUntilItsWindowEnds() {
    Instant start = Instant.parse("2026-12-14T10:00:00Z");
    assertThat(waits.addressBusy(29, start, start.plusSeconds(60))).isFalse();
    assertThat(waits.addressBusy(30, start, start.plusSeconds(60))).isTrue();
    assertThat(waits.addressBusy(300, start, start.plus(Duration.ofMinutes(15)))).isFalse();
    assertThat(waits.addressFreeAt(start)).isEqualTo(start.plus(Duration.ofMinutes(15)));
  }

  @Test
  void forgetsFailuresAfterADayOrTheLongestWaitIfLonger() {
    assertThat(waits.memory()).isEqualTo(Duration.ofHours(24));
    assertThat(
            new SignInWaits(5, Duration.ofHours(1), Duration.ofDays(2), 30, Duration.ofMinutes(15))
                .memory())
        .isEqualTo(Duration.ofDays(2));
  }

  @Test
  void refusesSettingsThatMakeNoSense() {
    assertThatThrownBy(
            () ->
                new SignInWaits(
                    0, Duration.ofMinutes(1), Duration.ofMinutes(15), 30, Duration.ofMinutes(15)))
        .hasMessageContaining("ccr.sign-in.failures-before-wait");
    assertThatThrownBy(
            () ->
                new SignInWaits(
                    5, Duration.ofMinutes(20), Duration.ofMinutes(15), 30, Duration.ofMinutes(15)))
        .hasMessageContaining("ccr.sign-in.longest-wait");
  }
}
