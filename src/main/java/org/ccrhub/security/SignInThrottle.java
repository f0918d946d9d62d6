package org.ccrhub.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits failed sign-ins per source address, so that one machine cannot try passwords against many
 * accounts (each account is also locked after its own run of failures). Each address has a token
 * bucket; a failure takes a token; with none left, sign-in from that address is refused until
 * tokens come back.
 */
@Component
class SignInThrottle {

  private static final int MAX_ADDRESSES = 10_000;

  private final int maxFailures;
  private final Duration window;
  private final Map<String, Bucket> buckets =
      Collections.synchronizedMap(
          new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
              return size() > MAX_ADDRESSES;
            }
          });

  SignInThrottle(
      @Value("${ccr.sign-in.max-failures-per-address:30}") int maxFailures,
      @Value("${ccr.sign-in.address-window:15m}") Duration window) {
    this.maxFailures = maxFailures;
    this.window = window;
  }

  boolean isBlocked(String address) {
    Bucket bucket = buckets.get(address);
    return bucket != null && bucket.getAvailableTokens() <= 0;
  }

  void failed(String address) {
    buckets.computeIfAbsent(address, a -> newBucket()).tryConsume(1);
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder().capacity(maxFailures).refillGreedy(maxFailures, window).build())
        .build();
  }
}
