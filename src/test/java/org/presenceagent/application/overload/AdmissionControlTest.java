package org.presenceagent.application.overload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.presenceagent.application.RequestRejectedException;
import org.presenceagent.application.overload.AdmissionControl.Verdict;

class AdmissionControlTest {

  private final AdmissionControl admission = new AdmissionControl(200, 3, 2);

  @Test
  void aRequestThatWaitedTooLongWithABacklogBehindItIsRefused() {
    assertThat(admission.admitNew(201, AdmissionControl.BACKLOG)).isEqualTo(Verdict.QUEUE_DELAY);
    assertThat(admission.admitNew(200, 10_000)).isEqualTo(Verdict.ADMITTED);
    assertThat(admission.refused(Verdict.QUEUE_DELAY)).isEqualTo(1);
  }

  @Test
  void aLivenessProbeIsAnsweredWhileTheServerIsBehindButNotAtItsCapOrWhileItStops() {
    AdmissionControl control = new AdmissionControl(200, 2, 2);
    assertThat(control.judgeNew(5000, 10_000)).as("a new request would be refused").isEqualTo(Verdict.QUEUE_DELAY);
    assertThat(control.admitProbe()).as("the balancer must not take a busy node out").isEqualTo(Verdict.ADMITTED);

    control.started();
    control.started();
    assertThat(control.admitProbe()).as("the cap bounds memory whatever comes").isEqualTo(Verdict.PENDING);
    control.answered(0);
    control.answered(0);
    control.stop();
    assertThat(control.admitProbe()).as("a stopping node fails its probes").isEqualTo(Verdict.STOPPING);
    assertThat(control.refused(Verdict.PENDING) + control.refused(Verdict.STOPPING)).isEqualTo(2);
  }

  @Test
  void aSlowRequestWithNothingBehindItIsServed() {
    // the first requests after a start, while the JVM still compiles
    assertThat(admission.admitNew(1500, 1)).isEqualTo(Verdict.ADMITTED);
  }

  @Test
  void tooManyRequestsInHandRefuseNewOnesUntilTheyAreAnswered() {
    admission.started();
    admission.started();
    admission.started();

    assertThat(admission.admitNew(0, 0)).isEqualTo(Verdict.PENDING);
    admission.answered(0);
    assertThat(admission.admitNew(0, 0)).isEqualTo(Verdict.ADMITTED);
    assertThat(admission.pending()).isEqualTo(2);
  }

  @Test
  void aStandingQueueOfRequestsInHandRefusesNewOnesButNotThoseInADialog() {
    AtomicLong now = new AtomicLong();
    AdmissionControl control = new AdmissionControl(200, 1000, 50, Integer.MAX_VALUE, 2, now::get);
    control.started();
    control.answered(TimeUnit.MILLISECONDS.toNanos(120));
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(101));
    assertThat(control.admitNew(0, 0)).as("slow, but nothing queued in hand").isEqualTo(Verdict.ADMITTED);

    for (int i = 0; i < AdmissionControl.BACKLOG; i++) {
      control.started();
    }

    assertThat(control.admitNew(0, 0)).isEqualTo(Verdict.IN_HAND_DELAY);
    assertThat(control.admitInDialog()).isTrue();
    assertThat(control.refused(Verdict.IN_HAND_DELAY)).isEqualTo(1);
  }

  @Test
  void requestsInADialogPassUnlessTheServerStops() {
    admission.started();
    admission.started();
    admission.started();
    assertThat(admission.admitInDialog()).isTrue();

    admission.stop();

    assertThat(admission.admitInDialog()).isFalse();
    assertThat(admission.admitNew(0, 0)).isEqualTo(Verdict.STOPPING);
    assertThat(admission.refused(Verdict.STOPPING)).isEqualTo(2);
  }

  @Test
  void retryAfterIsTheBaseAndUpToAsMuchAgain() {
    for (int i = 0; i < 200; i++) {
      assertThat(admission.retryAfterSeconds()).isBetween(2, 4);
    }
  }

  @Test
  void awaitIdleReturnsOnceEveryRequestWasAnswered() throws Exception {
    admission.started();
    Thread answering = new Thread(() -> {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      admission.answered(0);
    });
    answering.start();

    assertThat(admission.awaitIdle(Duration.ofSeconds(5))).isTrue();
    admission.started();
    assertThat(admission.awaitIdle(Duration.ofMillis(50))).isFalse();
    answering.join();
  }

  @Test
  void aPresentityWithTheLimitQueuedHasItsNewRequestsRefusedWithRetryAfter() {
    AdmissionControl control = new AdmissionControl(200, 1000, 50, 256, 2, System::nanoTime);

    control.admit(255);
    assertThatThrownBy(() -> control.admit(256))
        .isInstanceOfSatisfying(RequestRejectedException.class, refused -> {
          assertThat(refused.status()).isEqualTo(503);
          assertThat(Integer.parseInt(refused.headers().get("Retry-After"))).isBetween(2, 4);
        });
    assertThat(control.refused(Verdict.PRESENTITY_QUEUE)).isEqualTo(1);
    assertThat(control.admitNew(0, 0)).as("the rest of the server is not refused").isEqualTo(Verdict.ADMITTED);
  }
}
