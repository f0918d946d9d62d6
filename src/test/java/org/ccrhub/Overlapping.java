package org.ccrhub;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two pieces of work as two nodes would run them at the same moment: the first in a transaction
 * that stays open (holding what it locked, its writes not yet seen by others) until the second has
 * either finished or is waiting for a lock; then the first commits and the second goes on. Without
 * a lock the second reads the database as if the first had not happened, which is the race the
 * tests look for.
 */
public final class Overlapping {

  private Overlapping() {}

  /** Both results, the first's and the second's. */
  public record Results<T>(T first, T second) {}

  public static <T> Results<T> run(
      PlatformTransactionManager transactions,
      JdbcClient jdbc,
      Supplier<T> first,
      Supplier<T> second)
      throws Exception {
    CountDownLatch firstDone = new CountDownLatch(1);
    CountDownLatch mayCommit = new CountDownLatch(1);
    CompletableFuture<T> one =
        CompletableFuture.supplyAsync(
            () ->
                new TransactionTemplate(transactions)
                    .execute(
                        status -> {
                          T result = first.get();
                          firstDone.countDown();
                          await(mayCommit);
                          return result;
                        }));
    if (!firstDone.await(60, TimeUnit.SECONDS)) {
      one.get(1, TimeUnit.SECONDS); // the first failed: its exception
    }
    CompletableFuture<T> two = CompletableFuture.supplyAsync(second);
    Instant until = Instant.now().plus(Duration.ofSeconds(10));
    while (!two.isDone() && !waitingForALock(jdbc) && Instant.now().isBefore(until)) {
      Thread.sleep(20);
    }
    mayCommit.countDown();
    return new Results<>(one.get(60, TimeUnit.SECONDS), two.get(60, TimeUnit.SECONDS));
  }

  private static boolean waitingForALock(JdbcClient jdbc) {
    return jdbc.sql("select exists (select 1 from pg_locks where not granted)")
        .query(Boolean.class)
        .single();
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("The second piece of work never started");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
