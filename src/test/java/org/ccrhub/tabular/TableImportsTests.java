package org.ccrhub.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TableImportsTests {

  @Test
  void runsAtMostTheConfiguredNumberAtOnceAndRefusesOneThatWaitsTooLong() throws Exception {
    TableImports imports = new TableImports(ImportLimits.DEFAULTS, 2, Duration.ofMillis(200));
    try (var held = ImportsHeld.all(imports, 2)) {
      long waited = System.nanoTime();
      assertThatThrownBy(() -> imports.run(() -> "third"))
          .isInstanceOf(ImportsBusyException.class)
          .hasMessage(
              "Other imports are running (at most 2 run at once): wait a minute and try again."
                  + " Nothing was imported.");
      assertThat(Duration.ofNanos(System.nanoTime() - waited))
          .isGreaterThanOrEqualTo(Duration.ofMillis(190));
    }
    assertThat(imports.run(() -> "after")).isEqualTo("after");
  }

  @Test
  void aFailedImportGivesItsPlaceBack() {
    TableImports imports = new TableImports(ImportLimits.DEFAULTS, 1, Duration.ofMillis(50));
    assertThatThrownBy(() -> imports.read(new byte[0])).hasMessage("The file is empty");
    assertThatThrownBy(
            () ->
                imports.run(
                    () -> {
                      throw new UnreadableFileException("broken");
                    }))
        .hasMessage("broken");
    assertThat(imports.run(() -> 1)).isEqualTo(1);
  }
}
