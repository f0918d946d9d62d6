package org.ccrhub.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.ccrhub.shared.BusyException;
import org.junit.jupiter.api.Test;

class HeapRoomTests {

  private static final long MB = 1024 * 1024;

  /** A heap of 256 MB keeps 32 MB spare: with 100 MB in use, 124 MB is free for work. */
  private final AtomicLong inUse = new AtomicLong(100 * MB);

  private final AtomicInteger collections = new AtomicInteger();

  private final HeapRoom room =
      new HeapRoom(256 * MB, Duration.ofMillis(300), inUse::get, collections::incrementAndGet);

  @Test
  void runsWorkThatFitsInWhatTheLastCollectionLeftFree() {
    assertThat(room.free()).isEqualTo(124 * MB);
    assertThat(room.run(120 * MB, () -> "laid out", IllegalStateException::new))
        .isEqualTo("laid out");
    assertThat(collections).hasValue(0);
  }

  @Test
  void workThatDoesNotFitAsksForOneCollectionThenWaitsAndIsRefused() {
    inUse.set(200 * MB);
    long asked = System.nanoTime();
    assertThatThrownBy(
            () -> room.run(50 * MB, () -> "laid out", () -> new BusyException("No room")))
        .isInstanceOf(BusyException.class)
        .hasMessage("No room");
    assertThat(Duration.ofNanos(System.nanoTime() - asked))
        .isGreaterThanOrEqualTo(Duration.ofMillis(290));
    assertThat(collections).hasValue(1);

    assertThatThrownBy(() -> room.run(50 * MB, () -> "again", () -> new BusyException("No room")))
        .isInstanceOf(BusyException.class);
    assertThat(collections).as("not more than once every few seconds").hasValue(1);
  }

  @Test
  void aCollectionThatFreesTheHeapLetsTheWorkRun() {
    HeapRoom freed =
        new HeapRoom(256 * MB, Duration.ofMillis(300), inUse::get, () -> inUse.set(40 * MB));
    inUse.set(200 * MB);
    assertThat(freed.run(100 * MB, () -> "laid out", IllegalStateException::new))
        .isEqualTo("laid out");
  }

  @Test
  void workRunningTakesItsRoomUntilItEnds() throws Exception {
    HeapRoom room = new HeapRoom(256 * MB, Duration.ofSeconds(2), inUse::get, () -> {});
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    CompletableFuture<String> first =
        CompletableFuture.supplyAsync(
            () ->
                room.run(
                    100 * MB,
                    () -> {
                      started.countDown();
                      try {
                        finish.await(10, TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                      }
                      return "first";
                    },
                    IllegalStateException::new));
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

    assertThat(room.run(20 * MB, () -> "small", IllegalStateException::new)).isEqualTo("small");
    assertThatThrownBy(() -> room.run(50 * MB, () -> "second", () -> new BusyException("No room")))
        .isInstanceOf(BusyException.class);

    new Thread(
            () -> {
              try {
                Thread.sleep(300);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              finish.countDown();
            })
        .start();
    assertThat(room.run(50 * MB, () -> "second", IllegalStateException::new))
        .as("waits for the first to give its room back")
        .isEqualTo("second");
    assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
  }

  @Test
  void failedWorkGivesItsRoomBack() {
    assertThatThrownBy(
            () ->
                room.run(
                    120 * MB,
                    () -> {
                      throw new IllegalArgumentException("broken");
                    },
                    IllegalStateException::new))
        .hasMessage("broken");
    assertThat(room.run(120 * MB, () -> "after", IllegalStateException::new)).isEqualTo("after");
  }

  @Test
  void countsTheHeapInUseAfterTheLastCollection() {
    System.gc();
    long after = HeapRoom.inUseAfterLastCollection();
    assertThat(after).isPositive().isLessThanOrEqualTo(Runtime.getRuntime().totalMemory());
  }
}
