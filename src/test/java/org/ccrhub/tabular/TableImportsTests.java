package org.ccrhub.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TableImportsTests {

  @Test
  void runsAtMostTheConfiguredNumberAtOnceAndRefusesOneThatWaitsTooLong() throws Exception {
    TableImports imports = new TableImports(ImportLimits.DEFAULTS, 2, Duration.ofMillis(200));
    CountDownLatch started = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    Runnable hold =
        () ->
            imports.run(
                () -> {
                  started.countDown();
                  try {
                    return release.await(10, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                  }
                });
    CompletableFuture<Void> first = CompletableFuture.runAsync(hold);
    CompletableFuture<Void> second = CompletableFuture.runAsync(hold);
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

    long waited = System.nanoTime();
    assertThatThrownBy(() -> imports.run(() -> "third"))
        .isInstanceOf(ImportsBusyException.class)
        .hasMessage(
            "Other imports are running (at most 2 run at once): wait a minute and try again."
                + " Nothing was imported.");
    assertThat(Duration.ofNanos(System.nanoTime() - waited))
        .isGreaterThanOrEqualTo(Duration.ofMillis(190));

    release.countDown();
    first.get(5, TimeUnit.SECONDS);
    second.get(5, TimeUnit.SECONDS);
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
