package org.ccrhub.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Requests per token per minute, in a fixed window counted in PostgreSQL (one upsert a request), so
 * that the limit holds however many servers share the database. Windows over an hour old are
 * deleted every few minutes by whichever request comes.
 */
@Component
class ApiRateLimit {

  private static final Duration KEPT = Duration.ofHours(1);
  private static final Duration CLEAN_EVERY = Duration.ofMinutes(5);

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final int limit;
  private final AtomicReference<Instant> lastCleaned = new AtomicReference<>(Instant.EPOCH);

  ApiRateLimit(
      JdbcClient jdbc,
      PlatformTransactionManager transactionManager,
      Clock clock,
      @Value("${ccr.api.rate-limit:600}") int limit) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
    this.limit = limit;
  }

  /**
   * Counts a request of the token; empty if it is within the limit, else the seconds until the next
   * window starts (for {@code Retry-After}).
   */
  OptionalLong count(long tokenId) {
    Instant now = clock.instant();
    Instant window = now.truncatedTo(ChronoUnit.MINUTES);
    // A count lost in a crash costs nothing, so its commit does not wait for the disk: the row is
    // locked only for the moment of the update, and a token's concurrent requests do not queue
    // behind each other's flushes.
    Integer count =
        transactions.execute(
            status -> {
              jdbc.sql("set local synchronous_commit = off").update();
              return jdbc.sql(
                      """
                      insert into api_rate (token_id, window_start, count) values (:t, :w, 1)
                      on conflict (token_id, window_start) do update set count = api_rate.count + 1
                      returning count
                      """)
                  .param("t", tokenId)
                  .param("w", OffsetDateTime.ofInstant(window, ZoneOffset.UTC))
                  .query(Integer.class)
                  .single();
            });
    cleanIfDue(now);
    if (count == null || count <= limit) {
      return OptionalLong.empty();
    }
    long millis = Duration.between(now, window.plus(Duration.ofMinutes(1))).toMillis();
    return OptionalLong.of(Math.max(1, (millis + 999) / 1000));
  }

  private void cleanIfDue(Instant now) {
    Instant last = lastCleaned.get();
    if (now.isAfter(last.plus(CLEAN_EVERY)) && lastCleaned.compareAndSet(last, now)) {
      jdbc.sql("delete from api_rate where window_start < :before")
          .param("before", OffsetDateTime.ofInstant(now.minus(KEPT), ZoneOffset.UTC))
          .update();
    }
  }
}
