package org.presenceagent.application;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.presenceagent.domain.shared.Aor;

/**
 * Runs the changes to one presentity (its publications, subscriptions and registrations) one after
 * another, without ever making a thread wait for its turn or for the database.
 *
 * <p>A step is a function that starts a change and returns the stage that completes when the change
 * is durable and applied (see {@link org.presenceagent.domain.shared.UnitOfWork}). The next step of
 * the same presentity starts only after that stage completed, so each step validates against the
 * state every earlier step left, and a change is never seen before it is stored. Steps of different
 * presentities run in parallel, and their writes share the database's group commits.
 *
 * <p>Where a step runs: on the caller's thread when the presentity is idle (a SIP request costs no
 * hand-over to another thread), otherwise on the thread that completed the previous step's stage.
 * Steps that complete at once (memory-only state) are run in a loop, not recursively, however many
 * are queued. A step must never block waiting for another step of the same presentity.
 *
 * <p>Memory: a presentity is present here only while it has steps queued or running. A client's
 * new request ({@link #submitNew}) may be refused when its presentity already has too many steps
 * queued (see {@link Admission}): one presentity that a thousand watchers subscribe to at once must
 * not hold the whole server's share of requests in hand.
 */
public final class PresentitySequencer {

  /**
   * Decides whether a client's new request may queue behind the steps its presentity already has.
   */
  @FunctionalInterface
  public interface Admission {
    /** Admits everything. */
    Admission ALL = queued -> { };

    /**
     * @param queued steps of the presentity queued or running now
     * @throws RequestRejectedException to refuse the request (a 503 with Retry-After)
     */
    void admit(int queued);
  }

  private final Map<Aor, Strand> strands = new ConcurrentHashMap<>();
  private final Admission admission;

  /** A sequencer that queues every step. */
  public PresentitySequencer() {
    this(Admission.ALL);
  }

  /** A sequencer that asks {@code admission} before queueing a client's new request ({@link #submitNew}). */
  public PresentitySequencer(Admission admission) {
    this.admission = admission;
  }

  /**
   * Queues the step of a new request from a client (one that starts work, such as an initial
   * SUBSCRIBE or a PUBLISH), unless the presentity has too many steps queued already.
   *
   * @return completes as the step's stage does; exceptionally with the refusal, or when the step threw
   */
  public <T> CompletableFuture<T> submitNew(Aor presentity, Supplier<? extends CompletionStage<T>> step) {
    Strand strand = strands.get(presentity);
    try {
      admission.admit(strand == null ? 0 : strand.size);
    } catch (RequestRejectedException refused) {
      return CompletableFuture.failedFuture(refused);
    }
    return submit(presentity, step);
  }

  /**
   * Queues a step for the presentity.
   *
   * @return completes as the step's stage does; exceptionally when the step threw
   */
  public <T> CompletableFuture<T> submit(Aor presentity, Supplier<? extends CompletionStage<T>> step) {
    Task<T> task = new Task<>(step);
    boolean[] start = new boolean[1];
    strands.compute(presentity, (key, strand) -> {
      Strand current = strand == null ? new Strand() : strand;
      current.queue.add(task);
      current.size++;
      if (!current.running) {
        current.running = true;
        start[0] = true;
      }
      return current;
    });
    if (start[0]) {
      drain(presentity);
    }
    return task.result;
  }

  /**
   * Runs an action in the presentity's turn and waits for it: for callers outside the SIP path
   * (management, in-JVM watchers) that need an answer. Never call it from within a step.
   *
   * @throws RuntimeException what the action threw
   */
  public <T> T await(Aor presentity, Supplier<T> action) {
    try {
      return submit(presentity, () -> CompletableFuture.completedFuture(action.get())).join();
    } catch (CompletionException e) {
      throw unwrap(e);
    }
  }

  /** Like {@link #await(Aor, Supplier)} for a step that itself completes later (a stored change). */
  public <T> T awaitStep(Aor presentity, Supplier<? extends CompletionStage<T>> step) {
    try {
      return submit(presentity, step).join();
    } catch (CompletionException e) {
      throw unwrap(e);
    }
  }

  /** How many presentities have work queued or running (for gauges and tests). */
  public int busyPresentities() {
    return strands.size();
  }

  private void drain(Aor presentity) {
    drain(presentity, false);
  }

  /**
   * Runs the presentity's queued steps.
   *
   * @param stepOver whether a step of the presentity (counted in its size) just finished
   */
  private void drain(Aor presentity, boolean stepOver) {
    boolean[] previousStarted = {stepOver};
    while (true) {
      Task<?>[] next = new Task<?>[1];
      strands.compute(presentity, (key, strand) -> {
        next[0] = strand.queue.poll();
        if (previousStarted[0]) {
          strand.size--; // the step started last time round is over
        }
        previousStarted[0] = next[0] != null;
        return next[0] == null ? null : strand; // an idle presentity leaves the map
      });
      if (next[0] == null) {
        return;
      }
      CompletableFuture<?> stage = next[0].start();
      if (!stage.isDone()) {
        // Resumed by whoever completes the stage (the group commit's completion thread).
        stage.whenComplete((value, failure) -> drain(presentity, true));
        return;
      }
    }
  }

  static RuntimeException unwrap(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new CompletionException(cause);
  }

  private static final class Strand {
    private final ArrayDeque<Task<?>> queue = new ArrayDeque<>();
    private boolean running;
    /** Steps queued or running; changed only inside the map's compute, read by {@link #submitNew}. */
    private volatile int size;
  }

  private static final class Task<T> {
    private final Supplier<? extends CompletionStage<T>> step;
    private final CompletableFuture<T> result = new CompletableFuture<>();

    Task(Supplier<? extends CompletionStage<T>> step) {
      this.step = step;
    }

    /** Starts the step; the returned future completes (normally) when the step is over. */
    CompletableFuture<?> start() {
      CompletionStage<T> stage;
      try {
        stage = step.get();
      } catch (RuntimeException | Error e) {
        result.completeExceptionally(e);
        return result;
      }
      stage.whenComplete((value, failure) -> {
        if (failure != null) {
          result.completeExceptionally(failure instanceof CompletionException && failure.getCause() != null
              ? failure.getCause() : failure);
        } else {
          result.complete(value);
        }
      });
      return stage.toCompletableFuture().handle((value, failure) -> null);
    }
  }
}
