package org.ccrhub.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GateTests {

  @Test
  void letsTheMostThroughAndRefusesOneThatWaitedItsTimeWithoutAPlace() throws Exception {
    Gate gate = new Gate("ccr.test.most", 2, Duration.ofMillis(200));
    try (var held = PlacesHeld.all(work -> gate.run(work, IllegalStateException::new), 2)) {
      long waited = System.nanoTime();
      assertThatThrownBy(() -> gate.run(() -> "third", () -> new BusyException("Try later")))
          .isInstanceOf(BusyException.class)
          .hasMessage("Try later");
      assertThat(Duration.ofNanos(System.nanoTime() - waited))
          .isGreaterThanOrEqualTo(Duration.ofMillis(190));
    }
    assertThat(gate.run(() -> "after", IllegalStateException::new)).isEqualTo("after");
  }

  @Test
  void workThatWaitsGetsThePlaceOfWorkThatFinishes() throws Exception {
    Gate gate = new Gate("ccr.test.most", 1, Duration.ofSeconds(5));
    var held = PlacesHeld.all(work -> gate.run(work, IllegalStateException::new), 1);
    new Thread(
            () -> {
              try {
                Thread.sleep(100);
                held.close();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .start();
    assertThat(gate.run(() -> "waited", IllegalStateException::new)).isEqualTo("waited");
  }

  @Test
  void failedWorkGivesItsPlaceBack() {
    Gate gate = new Gate("ccr.test.most", 1, Duration.ofMillis(50));
    assertThatThrownBy(
            () ->
                gate.run(
                    () -> {
                      throw new InvalidInputException("broken");
                    },
                    IllegalStateException::new))
        .hasMessage("broken");
    assertThat(gate.run(() -> 1, IllegalStateException::new)).isEqualTo(1);
  }

  @Test
  void refusesASettingOfLessThanOne() {
    assertThatThrownBy(() -> new Gate("ccr.exports.concurrent", 0, Duration.ZERO))
        .hasMessage("ccr.exports.concurrent must be at least 1");
  }
}
