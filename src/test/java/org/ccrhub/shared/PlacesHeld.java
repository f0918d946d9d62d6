package org.ccrhub.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Work that holds its places behind a {@link Gate} until closed, as long-running imports or files
 * being made would.
 */
public final class PlacesHeld implements AutoCloseable {

  /** Runs work behind a gate: {@code imports::run}, say. */
  @FunctionalInterface
  public interface Runner {
    void run(Supplier<Boolean> work);
  }

  private final CountDownLatch release = new CountDownLatch(1);
  private final List<CompletableFuture<Void>> running = new ArrayList<>();

  private PlacesHeld() {}

  /** Starts {@code count} pieces of work that each hold a place, and returns once they all do. */
  public static PlacesHeld all(Runner runner, int count) throws InterruptedException {
    PlacesHeld held = new PlacesHeld();
    CountDownLatch started = new CountDownLatch(count);
    for (int i = 0; i < count; i++) {
      held.running.add(
          CompletableFuture.runAsync(
              () ->
                  runner.run(
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
      throw new IllegalStateException("The work did not start");
    }
    return held;
  }

  /** Lets the work finish and waits for it. */
  @Override
  public void close() throws Exception {
    release.countDown();
    for (CompletableFuture<Void> held : running) {
      held.get(10, TimeUnit.SECONDS);
    }
  }
}
