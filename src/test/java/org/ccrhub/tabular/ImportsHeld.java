package org.ccrhub.tabular;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Imports that hold their places until closed, as long-running imports would. */
public final class ImportsHeld implements AutoCloseable {

  private final CountDownLatch release = new CountDownLatch(1);
  private final List<CompletableFuture<Void>> running = new ArrayList<>();

  private ImportsHeld() {}

  /** Starts {@code count} imports that each hold a place, and returns once they all do. */
  public static ImportsHeld all(TableImports imports, int count) throws InterruptedException {
    ImportsHeld held = new ImportsHeld();
    CountDownLatch started = new CountDownLatch(count);
    for (int i = 0; i < count; i++) {
      held.running.add(
          CompletableFuture.runAsync(
              () ->
                  imports.run(
                      () -> {
                        started.countDown();
                        try {
                          return held.release.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                          throw new IllegalStateException(e);
                        }
                      })));
    }
    if (!started.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("The imports did not start");
    }
    return held;
  }

  /** Lets the imports finish and waits for them. */
  @Override
  public void close() throws Exception {
    release.countDown();
    for (CompletableFuture<Void> held : running) {
      held.get(10, TimeUnit.SECONDS);
    }
  }
}
