package org.presenceagent.application.overload;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * CoDel's test for a standing queue (RFC 8289 section 3.2), applied to requests instead of
 * packets: when even the quickest request answered during the last interval spent longer than the
 * target between its arrival and its answer, the work in hand is a queue that does not drain by
 * itself, and new requests should be refused until it does. A burst that the server absorbs does
 * not trip it (its first requests are answered quickly), a backlog does, whatever the machine's
 * speed: no request count has to be tuned to it.
 *
 * <p>Thread-safe; the lock is held for a few comparisons per answered request.
 */
final class StandingQueue {

  /** CoDel's interval: long enough to see past a burst, short enough to react within SIP's T1. */
  static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final long targetNanos;
  private final LongSupplier nanoTime;
  private long intervalEnds;
  private long quickest = Long.MAX_VALUE;
  private boolean standing;

  /**
   * @param targetNanos the time in hand a request may take before the queue counts as standing;
   *     0 or less turns the test off
   */
  StandingQueue(long targetNanos, LongSupplier nanoTime) {
    this.targetNanos = targetNanos;
    this.nanoTime = nanoTime;
    this.intervalEnds = nanoTime.getAsLong() + INTERVAL_NANOS;
  }

  /** A request was answered after {@code inHandNanos} in hand. */
  synchronized void answered(long inHandNanos) {
    roll();
    quickest = Math.min(quickest, inHandNanos);
  }

  /** Whether the last full interval showed a standing queue. */
  synchronized boolean standing() {
    roll();
    return standing;
  }

  private void roll() {
    long now = nanoTime.getAsLong();
    if (now < intervalEnds) {
      return;
    }
    // An interval with no answer at all (or a gap of several) says nothing is queued: not standing.
    boolean lastIntervalJustEnded = now - intervalEnds < INTERVAL_NANOS;
    standing = targetNanos > 0 && lastIntervalJustEnded && quickest != Long.MAX_VALUE && quickest > targetNanos;
    quickest = Long.MAX_VALUE;
    intervalEnds = now + INTERVAL_NANOS;
  }
}
