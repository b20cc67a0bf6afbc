package org.presenceagent.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.presenceagent.application.PresentitySequencer.StepScope;
import org.junit.jupiter.api.Test;
import org.presenceagent.domain.shared.Aor;

class PresentitySequencerTest {

  private static final Aor ALICE = Aor.parse("sip:alice@example.com");
  private static final Aor BOB = Aor.parse("sip:bob@example.com");

  private final PresentitySequencer sequencer = new PresentitySequencer();

  @Test
  void anIdlePresentitysStepRunsAtOnceOnTheCallersThread() {
    Thread caller = Thread.currentThread();
    List<Thread> ranOn = new ArrayList<>();

    CompletableFuture<String> result = sequencer.submit(ALICE, () -> {
      ranOn.add(Thread.currentThread());
      return CompletableFuture.completedFuture("done");
    });

    assertThat(ranOn).containsExactly(caller);
    assertThat(result).isCompletedWithValue("done");
    assertThat(sequencer.busyPresentities()).isZero();
  }

  @Test
  void theNextStepWaitsUntilThePreviousStepsStageCompletes() {
    CompletableFuture<Void> stored = new CompletableFuture<>();
    List<String> order = new ArrayList<>();
    sequencer.submit(ALICE, () -> {
      order.add("first started");
      return stored;
    });

    CompletableFuture<Void> second = sequencer.submit(ALICE, () -> {
      order.add("second started");
      return CompletableFuture.completedFuture(null);
    });

    assertThat(order).containsExactly("first started");
    assertThat(second).isNotDone();
    assertThat(sequencer.busyPresentities()).isEqualTo(1);

    stored.complete(null);

    assertThat(order).containsExactly("first started", "second started");
    assertThat(second).isDone();
    assertThat(sequencer.busyPresentities()).isZero();
  }

  @Test
  void otherPresentitiesDoNotWait() {
    sequencer.submit(ALICE, CompletableFuture::new); // never completes

    CompletableFuture<String> bobs = sequencer.submit(BOB, () -> CompletableFuture.completedFuture("bob"));

    assertThat(bobs).isCompletedWithValue("bob");
  }

  @Test
  void aStepThatThrowsFailsItsOwnResultAndTheNextOneStillRuns() {
    CompletableFuture<Object> failed = sequencer.submit(ALICE, () -> {
      throw new RequestRejectedException(403, "Forbidden");
    });
    CompletableFuture<String> next = sequencer.submit(ALICE, () -> CompletableFuture.completedFuture("next"));

    assertThat(failed).isCompletedExceptionally();
    assertThatThrownBy(failed::join).hasCauseInstanceOf(RequestRejectedException.class);
    assertThat(next).isCompletedWithValue("next");
  }

  @Test
  void aStepWhoseStoreFailedFailsItsResultAndReleasesTheTurn() {
    CompletableFuture<Void> store = new CompletableFuture<>();
    CompletableFuture<Void> first = sequencer.submit(ALICE, () -> store);
    CompletableFuture<String> next = sequencer.submit(ALICE, () -> CompletableFuture.completedFuture("next"));

    store.completeExceptionally(new IllegalStateException("disk full"));

    assertThat(first).isCompletedExceptionally();
    assertThat(next).isCompletedWithValue("next");
  }

  @Test
  void manyQueuedStepsThatCompleteAtOnceRunInALoopNotARecursion() {
    CompletableFuture<Void> gate = new CompletableFuture<>();
    sequencer.submit(ALICE, () -> gate);
    int[] count = new int[1];
    CompletableFuture<Void> last = null;
    for (int i = 0; i < 100_000; i++) {
      last = sequencer.submit(ALICE, () -> {
        count[0]++;
        return CompletableFuture.completedFuture(null);
      });
    }

    gate.complete(null); // would overflow the stack if each step started the next one recursively

    assertThat(last).isDone();
    assertThat(count[0]).isEqualTo(100_000);
  }

  @Test
  void stepsOfOnePresentityFromManyThreadsNeverOverlap() throws Exception {
    int threads = 8;
    int stepsPerThread = 2_000;
    int[] inside = new int[1];
    boolean[] overlapped = new boolean[1];
    int[] total = new int[1];
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      new Thread(() -> {
        for (int i = 0; i < stepsPerThread; i++) {
          sequencer.submit(ALICE, () -> {
            synchronized (inside) {
              if (++inside[0] > 1) {
                overlapped[0] = true;
              }
            }
            total[0]++; // guarded by the sequencer alone
            synchronized (inside) {
              inside[0]--;
            }
            return CompletableFuture.completedFuture(null);
          });
        }
        done.countDown();
      }).start();
    }

    assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(overlapped[0]).isFalse();
    synchronized (inside) {
      assertThat(total[0]).isEqualTo(threads * stepsPerThread);
    }
  }

  @Test
  void awaitReturnsTheActionsResultOrRethrowsItsFailure() {
    assertThat(sequencer.await(ALICE, () -> 42)).isEqualTo(42);
    assertThatThrownBy(() -> sequencer.await(ALICE, () -> {
      throw new RequestRejectedException(412, "Conditional Request Failed");
    })).isInstanceOf(RequestRejectedException.class);
  }

  @Test
  void aClientsNewRequestIsRefusedWhenItsPresentityHasTheLimitQueuedAndOthersAreNotHeldUp() {
    List<Integer> seen = new ArrayList<>();
    PresentitySequencer limited = new PresentitySequencer(queued -> {
      seen.add(queued);
      if (queued >= 2) {
        throw new RequestRejectedException(503, "Service Unavailable (presentity busy)");
      }
    });
    CompletableFuture<Void> stored = new CompletableFuture<>();
    limited.submitNew(ALICE, () -> stored);
    CompletableFuture<Void> second = limited.submitNew(ALICE, () -> CompletableFuture.completedFuture(null));

    CompletableFuture<Void> third = limited.submitNew(ALICE, () -> CompletableFuture.completedFuture(null));
    CompletableFuture<Void> bobs = limited.submitNew(BOB, () -> CompletableFuture.completedFuture(null));
    CompletableFuture<Void> expiry = limited.submit(ALICE, () -> CompletableFuture.completedFuture(null));

    assertThat(seen).containsExactly(0, 1, 2, 0);
    assertThat(third).isCompletedExceptionally();
    assertThatThrownBy(third::join).hasCauseInstanceOf(RequestRejectedException.class);
    assertThat(bobs).isCompletedWithValue(null);
    assertThat(expiry).as("the server's own work is never refused").isNotDone();

    stored.complete(null);
    assertThat(second).isDone();
    assertThat(expiry).isDone();
    limited.submitNew(ALICE, () -> CompletableFuture.completedFuture(null));
    assertThat(seen).as("the finished steps no longer count").endsWith(0);
  }

  @Test
  void stepsThatCompleteAtOnceLeaveNothingCounted() {
    List<Integer> seen = new ArrayList<>();
    PresentitySequencer counting = new PresentitySequencer(seen::add);
    CompletableFuture<Void> stored = new CompletableFuture<>();
    counting.submitNew(ALICE, () -> stored);
    for (int i = 0; i < 3; i++) {
      counting.submitNew(ALICE, () -> CompletableFuture.completedFuture(null));
    }
    stored.complete(null);

    counting.submitNew(ALICE, () -> CompletableFuture.completedFuture(null));

    assertThat(seen).containsExactly(0, 1, 2, 3, 0);
  }

  @Test
  void stepsAlongsideWithDifferentScopesRunTogetherAndShareTheWait() {
    CompletableFuture<Void> carolStored = new CompletableFuture<>();
    CompletableFuture<Void> daveStored = new CompletableFuture<>();
    List<String> started = new ArrayList<>();

    CompletableFuture<Void> carol = sequencer.submitNew(ALICE, StepScope.of("carol"), () -> {
      started.add("carol");
      return carolStored;
    });
    CompletableFuture<Void> dave = sequencer.submitNew(ALICE, StepScope.of("dave"), () -> {
      started.add("dave");
      return daveStored;
    });

    assertThat(started).as("the second started while the first waits for its commit").containsExactly("carol", "dave");
    daveStored.complete(null);
    assertThat(dave).isDone();
    assertThat(carol).isNotDone();
    carolStored.complete(null);
    assertThat(sequencer.busyPresentities()).isZero();
  }

  @Test
  void stepsAlongsideWithTheSameScopeRunOneAfterTheOther() {
    CompletableFuture<Void> firstStored = new CompletableFuture<>();
    List<String> started = new ArrayList<>();
    sequencer.submitNew(ALICE, StepScope.of("carol"), () -> {
      started.add("first");
      return firstStored;
    });
    CompletableFuture<Void> second = sequencer.submit(ALICE, StepScope.of("carol"), () -> {
      started.add("second");
      return CompletableFuture.completedFuture(null);
    });

    assertThat(started).containsExactly("first");
    firstStored.complete(null);
    assertThat(started).containsExactly("first", "second");
    assertThat(second).isDone();
  }

  @Test
  void aStepThatRunsAloneWaitsForTheStepsAlongsideAndTheyWaitForIt() {
    CompletableFuture<Void> carolStored = new CompletableFuture<>();
    CompletableFuture<Void> publishStored = new CompletableFuture<>();
    List<String> started = new ArrayList<>();
    sequencer.submitNew(ALICE, StepScope.of("carol"), () -> {
      started.add("carol");
      return carolStored;
    });
    sequencer.submitNew(ALICE, () -> {
      started.add("publish");
      return publishStored;
    });
    sequencer.submitNew(ALICE, StepScope.of("dave"), () -> {
      started.add("dave");
      return CompletableFuture.completedFuture(null);
    });

    assertThat(started).as("order is kept: dave queues behind the publish").containsExactly("carol");
    carolStored.complete(null);
    assertThat(started).containsExactly("carol", "publish");
    publishStored.complete(null);
    assertThat(started).containsExactly("carol", "publish", "dave");
    assertThat(sequencer.busyPresentities()).isZero();
  }

  @Test
  void stepsAlongsideCountAsQueuedUntilTheyAreOver() {
    List<Integer> seen = new ArrayList<>();
    PresentitySequencer counting = new PresentitySequencer(seen::add);
    CompletableFuture<Void> stored = new CompletableFuture<>();
    counting.submitNew(ALICE, StepScope.of("carol"), () -> stored);
    counting.submitNew(ALICE, StepScope.of("dave"), () -> CompletableFuture.completedFuture(null));
    counting.submitNew(ALICE, StepScope.of("erin"), () -> CompletableFuture.completedFuture(null));
    stored.complete(null);

    counting.submitNew(ALICE, () -> CompletableFuture.completedFuture(null));

    assertThat(seen).containsExactly(0, 1, 1, 0);
  }

  @Test
  void stepsOfOneScopeFromManyThreadsNeverOverlapWhileOtherScopesInterleave() throws Exception {
    int threads = 8;
    int stepsPerThread = 2_000;
    java.util.concurrent.ConcurrentHashMap<Integer, java.util.concurrent.atomic.AtomicInteger> inside =
        new java.util.concurrent.ConcurrentHashMap<>();
    java.util.concurrent.atomic.AtomicInteger exclusiveInside = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger alongsideInside = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicBoolean overlapped = new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.atomic.AtomicInteger total = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.ExecutorService commits = java.util.concurrent.Executors.newFixedThreadPool(2);
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      int scope = t % 4;
      new Thread(() -> {
        for (int i = 0; i < stepsPerThread; i++) {
          if (i % 50 == 0) {
            sequencer.submit(ALICE, () -> {
              if (exclusiveInside.incrementAndGet() > 1 || alongsideInside.get() > 0) {
                overlapped.set(true);
              }
              total.incrementAndGet();
              exclusiveInside.decrementAndGet();
              return CompletableFuture.completedFuture(null);
            });
          } else {
            sequencer.submit(ALICE, StepScope.of(scope), () -> {
              alongsideInside.incrementAndGet();
              if (inside.computeIfAbsent(scope, k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet() > 1
                  || exclusiveInside.get() > 0) {
                overlapped.set(true);
              }
              total.incrementAndGet();
              // completes later on another thread, as a commit does
              return CompletableFuture.runAsync(() -> {
                inside.get(scope).decrementAndGet();
                alongsideInside.decrementAndGet();
              }, commits);
            });
          }
        }
        done.countDown();
      }).start();
    }

    assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
        .until(() -> sequencer.busyPresentities() == 0);
    commits.shutdown();
    assertThat(overlapped).isFalse();
    assertThat(total.get()).isEqualTo(threads * stepsPerThread);
  }
}
