package org.presenceagent.infrastructure.timer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.presenceagent.application.port.ExpiryScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Named expiry timers on a {@link ScheduledThreadPoolExecutor}. A new schedule under a name
 * cancels the previous one; cancelled tasks are removed from the queue at once so refreshes do not
 * pile up. Task failures are logged, never allowed to kill the timer thread.
 */
public final class ScheduledExpiryScheduler implements ExpiryScheduler, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ScheduledExpiryScheduler.class);

  private static final long FIRE_LATE_MILLIS = 5;

  private final ScheduledThreadPoolExecutor executor;
  private final Map<String, ScheduledFuture<?>> timers = new ConcurrentHashMap<>();
  private final Clock clock;

  public ScheduledExpiryScheduler(Clock clock, int threads) {
    this.clock = clock;
    AtomicInteger counter = new AtomicInteger();
    this.executor = new ScheduledThreadPoolExecutor(threads, runnable -> {
      Thread thread = new Thread(runnable, "presence-expiry-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    executor.setRemoveOnCancelPolicy(true);
  }

  @Override
  public void schedule(String name, Instant when, Runnable task) {
    // Rounded up, plus a little: the executor's clock (nanoTime) and the wall clock the expiry was
    // computed with drift apart slightly, and a timer that fires before the instant finds nothing expired.
    long delayMillis = Math.max(0, Duration.between(clock.instant(), when).plusNanos(999_999).toMillis() + FIRE_LATE_MILLIS);
    ScheduledFuture<?>[] holder = new ScheduledFuture<?>[1];
    holder[0] = executor.schedule(() -> run(name, holder[0], task), delayMillis, TimeUnit.MILLISECONDS);
    ScheduledFuture<?> previous = timers.put(name, holder[0]);
    if (previous != null) {
      previous.cancel(false);
    }
  }

  @Override
  public void cancel(String name) {
    ScheduledFuture<?> previous = timers.remove(name);
    if (previous != null) {
      previous.cancel(false);
    }
  }

  /** How many timers are pending (for management and tests). */
  public int pending() {
    return timers.size();
  }

  private void run(String name, ScheduledFuture<?> self, Runnable task) {
    // Only forget the name if no newer timer replaced this one meanwhile.
    if (self != null) {
      timers.remove(name, self);
    }
    try {
      task.run();
    } catch (RuntimeException e) {
      LOG.error("expiry task {} failed", name, e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
