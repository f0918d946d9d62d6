package org.ccrhub.shared;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * At most a set number of one kind of heavy work at once (imports being read, files being made), so
 * that they cannot take all the memory or all the processors from the pages. Work that finds every
 * place taken waits a short time for one, first come first served, and is then refused.
 */
public final class Gate {

  private final int most;
  private final Duration maxWait;
  private final Semaphore places;

  /**
   * @param setting the setting that gave {@code most}, named when it is not at least 1
   */
  public Gate(String setting, int most, Duration maxWait) {
    if (most < 1) {
      throw new IllegalArgumentException(setting + " must be at least 1");
    }
    this.most = most;
    this.maxWait = maxWait;
    this.places = new Semaphore(most, true);
  }

  /** How many may run at once. */
  public int most() {
    return most;
  }

  /**
   * Runs the work once a place is free, waiting up to the most allowed.
   *
   * @param refused what is thrown when no place came free in time
   */
  public <T> T run(Supplier<T> work, Supplier<? extends RuntimeException> refused) {
    boolean acquired;
    try {
      acquired = places.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw refused.get();
    }
    if (!acquired) {
      throw refused.get();
    }
    try {
      return work.get();
    } finally {
      places.release();
    }
  }
}
