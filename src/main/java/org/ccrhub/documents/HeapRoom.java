package org.ccrhub.documents;

import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Room in the heap for work that needs a known amount of memory for a while (laying out a PDF): it
 * runs only while the heap has that much free beyond what the last garbage collection left in use
 * (the long-lived data: the plans kept for their pages, sessions) and what the work already running
 * took, with a margin for the collector. Work that does not fit waits up to the most allowed for
 * other work to finish, then is refused. What the last collection left is a little more than what
 * is alive (garbage in the old generation waits for a mixed collection), so the room is counted
 * cautiously; and it may be old news when nothing has run for a while (the figure from a collection
 * during a long PDF), so when work does not fit, the JVM is asked for a full collection ({@link
 * System#gc}, a pause of a tenth of a second or so) before waiting, at most once every {@value
 * #SECONDS_BETWEEN_COLLECTIONS} seconds.
 */
final class HeapRoom {

  static final int SECONDS_BETWEEN_COLLECTIONS = 10;

  private final long maxHeap;
  private final long margin;
  private final Duration maxWait;
  private final LongSupplier inUse;
  private final Runnable collect;
  private long taken;
  private long lastCollection = System.nanoTime() - Duration.ofDays(1).toNanos();

  HeapRoom(Duration maxWait) {
    this(Runtime.getRuntime().maxMemory(), maxWait, HeapRoom::inUseAfterLastCollection, System::gc);
  }

  HeapRoom(long maxHeap, Duration maxWait, LongSupplier inUse, Runnable collect) {
    this.maxHeap = maxHeap;
    this.margin = Math.max(32L * 1024 * 1024, maxHeap / 8);
    this.maxWait = maxWait;
    this.inUse = inUse;
    this.collect = collect;
  }

  /**
   * Runs the work once the heap has room for what it needs.
   *
   * @param refused what is thrown when there was no room in time
   */
  <T> T run(long needed, Supplier<T> work, Supplier<? extends RuntimeException> refused) {
    take(needed, refused);
    try {
      return work.get();
    } finally {
      give(needed);
    }
  }

  private synchronized void take(long needed, Supplier<? extends RuntimeException> refused) {
    long deadline = System.nanoTime() + maxWait.toNanos();
    if (taken + needed > free()
        && System.nanoTime() - lastCollection > SECONDS_BETWEEN_COLLECTIONS * 1_000_000_000L) {
      lastCollection = System.nanoTime();
      collect.run();
    }
    while (taken + needed > free()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw refused.get();
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw refused.get();
      }
    }
    taken += needed;
  }

  private synchronized void give(long needed) {
    taken -= needed;
    notifyAll();
  }

  /** The heap that work may take, beyond what is in use and the margin. */
  long free() {
    return maxHeap - margin - inUse.getAsLong();
  }

  private static final Set<String> HEAP_POOLS =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(pool -> pool.getType() == MemoryType.HEAP)
          .map(MemoryPoolMXBean::getName)
          .collect(Collectors.toUnmodifiableSet());

  /**
   * The heap in use just after the latest garbage collection, young or full; the heap in use now
   * (garbage included) before the first one, or where the JVM does not say.
   */
  static long inUseAfterLastCollection() {
    GcInfo latest = null;
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (collector instanceof com.sun.management.GarbageCollectorMXBean gc) {
        GcInfo info = gc.getLastGcInfo();
        if (info != null && (latest == null || info.getEndTime() > latest.getEndTime())) {
          latest = info;
        }
      }
    }
    if (latest == null) {
      Runtime runtime = Runtime.getRuntime();
      return runtime.totalMemory() - runtime.freeMemory();
    }
    return latest.getMemoryUsageAfterGc().entrySet().stream()
        .filter(pool -> HEAP_POOLS.contains(pool.getKey()))
        .mapToLong(pool -> pool.getValue().getUsed())
        .sum();
  }
}
