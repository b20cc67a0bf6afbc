package org.presenceagent.application.overload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StandingQueueTest {

  private static final long MS = 1_000_000;
  private final AtomicLong now = new AtomicLong(1_000 * MS);
  private final StandingQueue queue = new StandingQueue(50 * MS, now::get);

  private void after(long millis) {
    now.addAndGet(millis * MS);
  }

  @Test
  void slowAnswersThroughAWholeIntervalMakeAStandingQueueFromTheNextOneOn() {
    queue.answered(80 * MS);
    after(60);
    queue.answered(70 * MS);
    assertThat(queue.standing()).as("the interval has not ended").isFalse();

    after(50);

    assertThat(queue.standing()).isTrue();
  }

  @Test
  void oneQuickAnswerInTheIntervalMeansABurstNotAQueue() {
    queue.answered(400 * MS);
    queue.answered(2 * MS);
    queue.answered(300 * MS);
    after(101);

    assertThat(queue.standing()).isFalse();
  }

  @Test
  void theQueueStopsStandingOnceAnIntervalHasAQuickAnswerAgain() {
    queue.answered(80 * MS);
    after(101);
    assertThat(queue.standing()).isTrue();

    queue.answered(3 * MS);
    after(101);

    assertThat(queue.standing()).isFalse();
  }

  @Test
  void anIntervalWithoutAnswersOrALongSilenceIsNoQueue() {
    queue.answered(80 * MS);
    after(101);
    assertThat(queue.standing()).isTrue();

    after(250);

    assertThat(queue.standing()).isFalse();
  }

  @Test
  void aTargetOfZeroNeverStands() {
    StandingQueue off = new StandingQueue(0, now::get);
    off.answered(10_000 * MS);
    after(101);

    assertThat(off.standing()).isFalse();
  }
}
