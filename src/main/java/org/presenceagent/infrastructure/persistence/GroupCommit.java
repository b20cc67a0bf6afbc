package org.presenceagent.infrastructure.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: one writer thread takes the units of work queued by many requests and writes them
 * in one transaction, then completes each unit, so the cost of a commit (for H2 with
 * {@code WRITE_DELAY=0}, serialising and writing the changed pages) is shared by every request of
 * the batch. Requests are answered only after their unit's future completed, so "committed before
 * answered" holds and a crash loses nothing acknowledged.
 *
 * <p>Under load the writer waits up to two milliseconds for more units before it commits (see
 * {@link CommitLinger}); a quiet server commits each unit at once.
 *
 * <p>When a batch fails, each of its units is written again in a transaction of its own, so one
 * unit the database refuses (a value too long for its column, a constraint) fails alone and the
 * others go through. Units that depend on each other are never in the same batch: the
 * {@code PresentitySequencer} starts a presentity's step only after the steps it depends on
 * completed; those it lets run side by side (different watchers' subscriptions to one presentity)
 * touch different rows, so each of them may fail alone.
 *
 * <p>Futures are completed on the {@code completions} executor, never on the writer thread, which
 * goes back to the next batch at once while the answers and NOTIFYs of the last one are sent.
 */
public final class GroupCommit implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
  /** Enough to amortise a commit; small enough that one batch's transaction stays short. */
  static final int MAX_BATCH = 256;
  private static final long STOP_WAIT_MILLIS = 10_000;

  private final TransactionRunner transactions;
  private final Executor completions;
  private final BlockingQueue<Unit> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private final CommitLinger linger = new CommitLinger();
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong units = new AtomicLong();
  private volatile boolean closed;

  /**
   * @param completions runs the continuations of committed units (answers, NOTIFYs)
   */
  public GroupCommit(TransactionRunner transactions, Executor completions) {
    this.transactions = transactions;
    this.completions = completions;
    this.writer = new Thread(this::run, "presence-db-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /**
   * Queues a unit of work.
   *
   * @return completes once the writes are committed; exceptionally when the database refused them
   *     (nothing of the unit was stored) or the writer is stopped
   */
  public CompletableFuture<Void> write(List<DurableWrite> writes) {
    Unit unit = new Unit(List.copyOf(writes), System.nanoTime());
    if (closed) {
      unit.done.completeExceptionally(new IllegalStateException("the database writer is stopped"));
      return unit.done;
    }
    queue.add(unit);
    return unit.done;
  }

  /** Units waiting for the writer (a load signal for admission control). */
  public int queued() {
    return queue.size();
  }

  /** How long the oldest waiting unit has been queued, in milliseconds (0 when none waits). */
  public long oldestQueuedMillis() {
    Unit oldest = queue.peek();
    return oldest == null ? 0 : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - oldest.queuedAt);
  }

  /** Transactions written so far. */
  public long batches() {
    return batches.get();
  }

  /** Units of work committed so far (with {@link #batches()}: the mean batch size). */
  public long units() {
    return units.get();
  }

  private void run() {
    List<Unit> batch = new ArrayList<>(MAX_BATCH);
    while (!closed || !queue.isEmpty()) {
      try {
        Unit first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        gatherMore(batch, first);
        commit(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (RuntimeException | Error e) {
        // Never lose the thread: whatever escaped is failed, the next batch goes on.
        LOG.error("the database writer failed a batch of {} units", batch.size(), e);
        batch.forEach(unit -> fail(unit, e));
      } finally {
        batch.clear();
      }
    }
    Unit left;
    while ((left = queue.poll()) != null) {
      fail(left, new IllegalStateException("the database writer is stopped"));
    }
  }

  /**
   * Lets units that arrive within the linger join the batch (see {@link CommitLinger}). When the
   * writer was busy, the first unit has already waited longer than the linger and nothing is added.
   */
  private void gatherMore(List<Unit> batch, Unit first) throws InterruptedException {
    int recorded = recordArrivals(batch, 0);
    long deadline = linger.waitUntil(first.queuedAt);
    if (deadline - System.nanoTime() <= 0) {
      return;
    }
    int before = batch.size();
    try {
      while (batch.size() < MAX_BATCH && !closed) {
        long wait = deadline - System.nanoTime();
        if (wait <= 0) {
          return;
        }
        Unit next = queue.poll(wait, TimeUnit.NANOSECONDS);
        if (next == null) {
          return;
        }
        batch.add(next);
        queue.drainTo(batch, MAX_BATCH - batch.size());
        recorded = recordArrivals(batch, recorded);
      }
    } finally {
      linger.waited(batch.size() - before);
    }
  }

  private int recordArrivals(List<Unit> batch, int from) {
    for (int i = from; i < batch.size(); i++) {
      linger.arrived(batch.get(i).queuedAt);
    }
    return batch.size();
  }

  private void commit(List<Unit> batch) {
    try {
      transactions.run(entityManager -> {
        for (Unit unit : batch) {
          unit.writes.forEach(write -> write.apply(entityManager));
        }
      });
    } catch (RuntimeException batchFailure) {
      if (batch.size() == 1) {
        fail(batch.get(0), batchFailure);
        return;
      }
      LOG.debug("a batch of {} units failed ({}), writing them one by one", batch.size(), batchFailure.toString());
      batch.forEach(this::commitAlone);
      return;
    }
    batches.incrementAndGet();
    units.addAndGet(batch.size());
    batch.forEach(this::succeed);
  }

  private void commitAlone(Unit unit) {
    try {
      transactions.run(entityManager -> unit.writes.forEach(write -> write.apply(entityManager)));
    } catch (RuntimeException e) {
      fail(unit, e);
      return;
    }
    batches.incrementAndGet();
    units.incrementAndGet();
    succeed(unit);
  }

  private void succeed(Unit unit) {
    complete(() -> unit.done.complete(null));
  }

  private void fail(Unit unit, Throwable failure) {
    LOG.warn("a change could not be stored and is not applied: {}", failure.toString());
    complete(() -> unit.done.completeExceptionally(failure));
  }

  private void complete(Runnable completion) {
    try {
      completions.execute(completion);
    } catch (RejectedExecutionException e) {
      completion.run(); // the application is stopping: its last answers go out from here
    }
  }

  /** Writes what is queued, then stops the writer thread. */
  @Override
  public void close() {
    closed = true;
    try {
      writer.join(STOP_WAIT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private record Unit(List<DurableWrite> writes, long queuedAt, CompletableFuture<Void> done) {
    Unit(List<DurableWrite> writes, long queuedAt) {
      this(writes, queuedAt, new CompletableFuture<>());
    }
  }
}
