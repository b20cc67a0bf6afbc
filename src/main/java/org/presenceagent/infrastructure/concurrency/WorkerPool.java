package org.presenceagent.infrastructure.concurrency;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed number of worker threads (one per core by default: the work is CPU-bound, more threads
 * only add context switches) with an unbounded queue, whose length admission control watches: the
 * queue is bounded in practice by refusing new requests when it grows. A task that throws is logged
 * and the worker goes on.
 */
public final class WorkerPool implements Executor, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);
  private static final long STOP_WAIT_SECONDS = 10;

  private final ThreadPoolExecutor executor;

  public WorkerPool(String name, int threads) {
    AtomicInteger counter = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
        runnable -> {
          Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  /** One worker per available core, at least two. */
  public static WorkerPool perCore(String name) {
    return new WorkerPool(name, Math.max(2, Runtime.getRuntime().availableProcessors()));
  }

  @Override
  public void execute(Runnable task) {
    executor.execute(() -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.error("a worker task failed", e);
      }
    });
  }

  /** Tasks waiting for a worker (a load signal). */
  public int queued() {
    return executor.getQueue().size();
  }

  /** Finishes the queued tasks (bounded wait), then stops the workers. */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
