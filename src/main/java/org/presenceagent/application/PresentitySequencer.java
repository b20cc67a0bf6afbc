package org.presenceagent.application;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
 * <p>Steps that touch only their own part of a presentity ({@link StepScope}, a watcher's
 * new subscription) need not wait for each other: they run side by side, like steps of different
 * presentities, and their writes share a commit. They still wait for, and are waited for by, the
 * presentity's other steps, and two of them with the same scope run one after the other. Without
 * this, one presentity that a thousand watchers subscribe to at once could take one new watcher per
 * commit latency (a few hundred per second), however fast the database commits batches.
 *
 * <p>Where a step runs: on the caller's thread when it may start at once (a SIP request costs no
 * hand-over to another thread), otherwise on the thread that completed the stage it waited for.
 * Steps that complete at once (memory-only state) are run in a loop, not recursively, however many
 * are queued. A step must never block waiting for another step of the same presentity.
 *
 * <p>Memory: a presentity is present here only while it has steps queued or running. A client's
 * new request ({@link #submitNew(Aor, Supplier)}) may be refused when its presentity already has too many steps
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

  /** A sequencer that asks {@code admission} before queueing a client's new request ({@link #submitNew(Aor, Supplier)}). */
  public PresentitySequencer(Admission admission) {
    this.admission = admission;
  }

  /**
   * What a step reads and writes of its presentity: all of it (the step runs alone), or only one
   * part (for example one watcher's subscriptions to the presentity in one event package): such a
   * step may run alongside the presentity's other steps of other parts, and their writes share a
   * commit. A part step still waits for the presentity's steps queued before it that are not
   * part steps, and for a running step of the same part.
   *
   * @param part what the step touches, compared with {@code equals}; null for the whole presentity
   */
  public record StepScope(Object part) {
    /** The step reads and writes the whole presentity: it runs alone. */
    public static final StepScope WHOLE = new StepScope(null);

    /** The step touches only {@code part} of the presentity. */
    public static StepScope of(Object part) {
      return new StepScope(Objects.requireNonNull(part, "part"));
    }
  }

  /**
   * Queues the step of a new request from a client (one that starts work, such as an initial
   * SUBSCRIBE or a PUBLISH), unless the presentity has too many steps queued already.
   *
   * @return completes as the step's stage does; exceptionally with the refusal, or when the step threw
   */
  public <T> CompletableFuture<T> submitNew(Aor presentity, Supplier<? extends CompletionStage<T>> step) {
    return submitNew(presentity, StepScope.WHOLE, step);
  }

  /** Like {@link #submitNew(Aor, Supplier)} for a step that touches only its {@code scope}. */
  public <T> CompletableFuture<T> submitNew(Aor presentity, StepScope scope, Supplier<? extends CompletionStage<T>> step) {
    Strand strand = strands.get(presentity);
    try {
      admission.admit(strand == null ? 0 : strand.size);
    } catch (RequestRejectedException refused) {
      return CompletableFuture.failedFuture(refused);
    }
    return submit(presentity, scope, step);
  }

  /**
   * Queues a step for the presentity; never refused.
   *
   * @return completes as the step's stage does; exceptionally when the step threw
   */
  public <T> CompletableFuture<T> submit(Aor presentity, Supplier<? extends CompletionStage<T>> step) {
    return submit(presentity, StepScope.WHOLE, step);
  }

  /** Like {@link #submit(Aor, Supplier)} for a step that touches only its {@code scope}. */
  public <T> CompletableFuture<T> submit(Aor presentity, StepScope scope, Supplier<? extends CompletionStage<T>> step) {
    return enqueue(presentity, new Task<>(scope.part(), step));
  }

  private <T> CompletableFuture<T> enqueue(Aor presentity, Task<T> task) {
    strands.compute(presentity, (key, strand) -> {
      Strand current = strand == null ? new Strand() : strand;
      current.queue.add(task);
      current.size++;
      return current;
    });
    drain(presentity, null);
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

  /**
   * Starts the presentity's queued steps that may start now, in order.
   *
   * @param finished a step of the presentity (counted as running) that is over, or null
   */
  private void drain(Aor presentity, Task<?> finished) {
    Task<?> over = finished;
    while (true) {
      Task<?> done = over;
      Task<?>[] next = new Task<?>[1];
      strands.computeIfPresent(presentity, (key, strand) -> {
        if (done != null) {
          strand.finish(done);
        }
        next[0] = strand.startNext();
        return strand.size == 0 ? null : strand; // an idle presentity leaves the map
      });
      over = null;
      if (next[0] == null) {
        return;
      }
      Task<?> started = next[0];
      CompletableFuture<?> stage = started.start();
      if (stage.isDone()) {
        over = started;
      } else {
        // Resumed by whoever completes the stage (the group commit's completion thread); meanwhile
        // a step that may run alongside this one is started by the next round.
        stage.whenComplete((value, failure) -> drain(presentity, started));
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

  /** One presentity's queued and running steps; changed only inside the map's compute. */
  private static final class Strand {
    private final ArrayDeque<Task<?>> queue = new ArrayDeque<>();
    /** Scopes of the steps running alongside each other; empty when none runs. */
    private final Set<Object> runningScopes = new HashSet<>();
    private boolean exclusiveRunning;
    /** Steps queued or running; read without the lock by {@link #submitNew(Aor, StepScope, Supplier)}. */
    private volatile int size;

    /** Takes the first queued step if it may start now (never one behind it: order is kept). */
    Task<?> startNext() {
      Task<?> head = queue.peek();
      if (head == null || exclusiveRunning) {
        return null;
      }
      if (head.scope == null) {
        if (!runningScopes.isEmpty()) {
          return null;
        }
        exclusiveRunning = true;
      } else if (!runningScopes.add(head.scope)) {
        return null; // a step of the same scope is running
      }
      return queue.poll();
    }

    void finish(Task<?> task) {
      if (task.scope == null) {
        exclusiveRunning = false;
      } else {
        runningScopes.remove(task.scope);
      }
      size--;
    }
  }

  private static final class Task<T> {
    /** Null for a step that runs alone. */
    private final Object scope;
    private final Supplier<? extends CompletionStage<T>> step;
    private final CompletableFuture<T> result = new CompletableFuture<>();

    Task(Object scope, Supplier<? extends CompletionStage<T>> step) {
      this.scope = scope;
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
