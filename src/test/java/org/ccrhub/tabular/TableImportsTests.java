package org.ccrhub.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.ccrhub.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class TableImportsTests {

  @Test
  void runsAtMostTheConfiguredNumberAtOnceAndRefusesOneThatWaitsTooLong() throws Exception {
    TableImports imports = new TableImports(ImportLimits.DEFAULTS, 2, Duration.ofMillis(200));
    try (var held = ImportsHeld.all(imports, 2)) {
      long waited = System.nanoTime();
      assertThatThrownBy(() -> imports.run("plan", () -> "third"))
          .isInstanceOf(ImportsBusyException.class)
          .hasMessage(
              "Other imports are running (at most 2 run at once): wait a minute and try again."
                  + " Nothing was imported.");
      assertThat(Duration.ofNanos(System.nanoTime() - waited))
          .isGreaterThanOrEqualTo(Duration.ofMillis(190));
    }
    assertThat(imports.run("plan", () -> "after")).isEqualTo("after");
  }

  @Test
  void aFailedImportGivesItsPlaceBack() {
    TableImports imports = new TableImports(ImportLimits.DEFAULTS, 1, Duration.ofMillis(50));
    assertThatThrownBy(() -> imports.read(new byte[0])).hasMessage("The file is empty");
    assertThatThrownBy(
            () ->
                imports.run(
                    "plan",
                    () -> {
                      throw new UnreadableFileException("broken");
                    }))
        .hasMessage("broken");
    assertThat(imports.run("plan", () -> 1)).isEqualTo(1);
  }

  @Test
  void timesEachRunByKindAndOutcome() throws Exception {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    TableImports imports =
        new TableImports(ImportLimits.DEFAULTS, 1, Duration.ofMillis(50), meters);

    imports.run("plan", () -> "fine");
    imports.run("plan", () -> "with problems", result -> result.startsWith("with"));
    assertThatThrownBy(
        () ->
            imports.run(
                "marac",
                () -> {
                  throw new InvalidInputException("row 2: no date");
                }));
    assertThatThrownBy(
        () ->
            imports.run(
                "sharing",
                () -> {
                  throw new IllegalStateException("a bug");
                }));
    try (var held = ImportsHeld.all(imports, 1)) {
      assertThatThrownBy(() -> imports.run("indicators", () -> "no place"))
          .isInstanceOf(ImportsBusyException.class);
    }

    assertThat(count(meters, "plan", "completed")).isEqualTo(1);
    assertThat(count(meters, "plan", "rejected")).isEqualTo(1);
    assertThat(count(meters, "marac", "rejected")).isEqualTo(1);
    assertThat(count(meters, "sharing", "failed")).isEqualTo(1);
    assertThat(count(meters, "indicators", "busy")).isEqualTo(1);
  }

  private static long count(SimpleMeterRegistry meters, String kind, String outcome) {
    return meters.get("ccr.imports").tag("kind", kind).tag("outcome", outcome).timer().count();
  }
}
