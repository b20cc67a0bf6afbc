package org.presenceagent.infrastructure.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.presenceagent.application.identity.NonceCounter;

/**
 * The highest nonce count per nonce, in a Caffeine cache bounded in size and kept for the nonce
 * lifetime (a stale nonce is refused before its count matters, so nothing older is needed). One
 * entry per nonce in use, about 150 bytes: the default bound of 100,000 is some 15 MB at most.
 */
public final class BoundedNonceCounter implements NonceCounter {

  private final Cache<String, AtomicLong> highest;

  public BoundedNonceCounter(long maximumSize, Duration nonceLifetime, Clock clock) {
    this.highest = Caffeine.newBuilder()
        .maximumSize(maximumSize)
        // a little longer than the lifetime: a nonce must not be forgotten while it is still fresh
        .expireAfterWrite(nonceLifetime.plusSeconds(10))
        .ticker(ticker(clock))
        .build();
  }

  private static Ticker ticker(Clock clock) {
    return () -> clock.millis() * 1_000_000L;
  }

  @Override
  public Use use(String nonce, long nonceCount) {
    if (nonceCount == 1) {
      AtomicLong fresh = new AtomicLong(1);
      AtomicLong existing = highest.asMap().putIfAbsent(nonce, fresh);
      return existing == null ? Use.NEW : advance(existing, 1);
    }
    AtomicLong existing = highest.getIfPresent(nonce);
    return existing == null ? Use.UNKNOWN : advance(existing, nonceCount);
  }

  private static Use advance(AtomicLong highestSeen, long nonceCount) {
    while (true) {
      long seen = highestSeen.get();
      if (nonceCount <= seen) {
        return Use.REPLAYED;
      }
      if (highestSeen.compareAndSet(seen, nonceCount)) {
        return Use.NEW;
      }
    }
  }
}
