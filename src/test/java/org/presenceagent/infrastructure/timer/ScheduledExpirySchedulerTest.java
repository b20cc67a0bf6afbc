package org.presenceagent.infrastructure.timer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScheduledExpirySchedulerTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private final Clock clock = Clock.systemUTC();
  private final ScheduledExpiryScheduler scheduler = new ScheduledExpiryScheduler(clock, 1);
  private final List<String> ran = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    scheduler.close();
  }

  private Instant in(long millis) {
    return clock.instant().plusMillis(millis);
  }

  private Runnable record(String what) {
    return () -> ran.add(what);
  }

  @Test
  void runsATaskAtItsTime() {
    Instant when = in(100);
    List<Instant> ranAt = new CopyOnWriteArrayList<>();

    scheduler.schedule("a", when, () -> ranAt.add(clock.instant()));

    assertThat(scheduler.pending()).isEqualTo(1);
    await().atMost(WAIT).until(() -> ranAt.size() == 1);
    // up to 1 ms early: see neverRunsATaskBeforeItsTime
    assertThat(ranAt.get(0)).isAfterOrEqualTo(when.minusMillis(1));
    await().atMost(WAIT).until(() -> scheduler.pending() == 0);
  }

  @Test
  void neverRunsATaskBeforeItsTime() {
    Instant when = clock.instant().plusMillis(50).plusNanos(900_000);
    List<Instant> ranAt = new CopyOnWriteArrayList<>();

    scheduler.schedule("a", when, () -> ranAt.add(clock.instant()));

    await().atMost(WAIT).until(() -> ranAt.size() == 1);
    assertThat(ranAt.get(0)).isAfterOrEqualTo(when);
  }

  @Test
  void aTaskInThePastRunsAtOnce() {
    scheduler.schedule("late", clock.instant().minusSeconds(10), record("late"));

    await().atMost(WAIT).until(() -> ran.contains("late"));
  }

  @Test
  void reschedulingUnderTheSameNameReplacesTheEarlierTask() {
    scheduler.schedule("sub", in(50), record("first"));
    scheduler.schedule("sub", in(150), record("second"));
    scheduler.schedule("marker", in(400), record("marker"));

    await().atMost(WAIT).until(() -> ran.contains("marker"));
    assertThat(ran).containsExactly("second", "marker");
  }

  @Test
  void aCancelledTaskDoesNotRun() {
    scheduler.schedule("sub", in(100), record("cancelled"));
    scheduler.schedule("marker", in(300), record("marker"));

    scheduler.cancel("sub");

    assertThat(scheduler.pending()).isEqualTo(1);
    await().atMost(WAIT).until(() -> ran.contains("marker"));
    assertThat(ran).containsExactly("marker");
  }

  @Test
  void cancellingAnUnknownNameDoesNothing() {
    scheduler.cancel("nothing");

    assertThat(scheduler.pending()).isZero();
  }

  @Test
  void aThrowingTaskDoesNotStopLaterTasks() {
    scheduler.schedule("boom", in(20), () -> {
      throw new IllegalStateException("boom (expected by the test)");
    });
    scheduler.schedule("after", in(150), record("after"));

    await().atMost(WAIT).until(() -> ran.contains("after"));
  }
}
