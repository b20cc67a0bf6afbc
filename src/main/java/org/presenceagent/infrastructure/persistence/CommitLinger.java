package org.presenceagent.infrastructure.persistence;

/**
 * Decides how long the group-commit writer waits for more units before it commits a batch, as
 * PostgreSQL's {@code commit_delay}/{@code commit_siblings} do: only when units arrive so often
 * that another one is likely within the wait, so a lone request on a quiet server is never delayed.
 *
 * <p>Why wait at all: on H2 a commit writes a new MVStore chunk whose size hardly depends on how
 * many rows changed (about 20 KB for one subscription row, measured in {@code docs/performance.md}),
 * so at a few hundred requests per second, when batches would otherwise hold one unit, most of
 * the database's CPU goes into commits that two or three units could have shared; two milliseconds are nothing next to SIP's 500 ms retransmission timer (RFC 3261 section 17.1.1.1, T1).
 *
 * <p>A high arrival rate alone does not mean company will come: when the units come from one
 * presentity (a thousand watchers subscribing to one user), each is queued only after the previous
 * one was committed ({@code PresentitySequencer}), so nothing can join while the writer waits, and
 * waiting only stretches the presentity's turn: its requests queue up until overload control
 * refuses them. So the writer also learns whether waiting paid: it keeps lingering while at least
 * one wait in {@link #MIN_YIELD_INVERSE} brought company, and otherwise lingers only once every
 * {@link #PROBE_EVERY} batches, to notice when it would pay again. This is the role of PostgreSQL's
 * {@code commit_siblings}, which waits only while other transactions are open.
 *
 * <p>The arrival rate is an exponentially weighted mean of the gaps between units' queue times, and
 * the yield a weighted mean of the waits' outcomes; both fed by the writer thread only (not
 * thread-safe by design).
 */
final class CommitLinger {

  /** The longest a unit waits for company. */
  static final long MAX_WAIT_NANOS = 2_000_000;
  /**
   * Wait while units arrive at least every 5 ms on average (200 per second): then another one comes
   * within the wait often enough (a third of the time at 200/s, two thirds at 500/s) to pay for it,
   * since a commit costs about a millisecond of CPU in the server (docs/performance.md).
   */
  private static final long BUSY_GAP_NANOS = 5 * MAX_WAIT_NANOS / 2;
  /** Gaps longer than this count as this: one idle minute must not need minutes of load to forget. */
  private static final long GAP_CAP_NANOS = 100 * MAX_WAIT_NANOS;
  /** Weight of the newest gap: about the last 16 arrivals count. */
  private static final double WEIGHT = 1.0 / 16;

  /** Lingering goes on while more than one wait in this many brings company (above 0.2 per wait). */
  static final int MIN_YIELD_INVERSE = 5;
  /** While waiting does not pay, one batch in this many waits anyway, to find out whether it would now. */
  static final int PROBE_EVERY = 32;
  /** Weight of the newest wait's outcome: about the last 8 waits count. */
  private static final double YIELD_WEIGHT = 1.0 / 8;

  private double meanGapNanos = GAP_CAP_NANOS;
  private long lastArrival;
  private boolean seen;
  private double yield = 1; // optimistic until waits are seen
  private int batchesSinceProbe;

  /** Records a unit's queue time (units are seen in queue order). */
  void arrived(long queuedAtNanos) {
    if (seen) {
      long gap = Math.min(Math.max(queuedAtNanos - lastArrival, 0), GAP_CAP_NANOS);
      meanGapNanos += WEIGHT * (gap - meanGapNanos);
    }
    lastArrival = queuedAtNanos;
    seen = true;
  }

  /**
   * The moment (in {@link System#nanoTime()} terms) until which the writer may wait for more units
   * to join the batch opened by a unit queued at {@code firstQueuedAtNanos}; at or before that time
   * when it should commit at once.
   */
  long waitUntil(long firstQueuedAtNanos) {
    if (meanGapNanos > BUSY_GAP_NANOS) {
      return firstQueuedAtNanos;
    }
    boolean pays = yield * MIN_YIELD_INVERSE > 1;
    if (!pays && ++batchesSinceProbe < PROBE_EVERY) {
      return firstQueuedAtNanos;
    }
    batchesSinceProbe = 0;
    return firstQueuedAtNanos + MAX_WAIT_NANOS;
  }

  /**
   * The writer waited for company (a {@link #waitUntil} in the future) and {@code joined} units
   * came while it waited.
   */
  void waited(int joined) {
    yield += YIELD_WEIGHT * ((joined > 0 ? 1 : 0) - yield);
  }

  /** The mean gap between arrivals, in nanoseconds (for tests and diagnostics). */
  double meanGapNanos() {
    return meanGapNanos;
  }
}
