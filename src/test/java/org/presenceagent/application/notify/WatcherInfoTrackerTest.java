package org.presenceagent.application.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.subscription.DialogState;
import org.presenceagent.domain.subscription.NotifyRate;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.domain.subscription.SubscriptionKey;
import org.presenceagent.infrastructure.persistence.IndexedSubscriptionRepository;
import org.presenceagent.infrastructure.persistence.SubscriptionStore;
import org.presenceagent.testing.MutableClock;

class WatcherInfoTrackerTest {

  private final MutableClock clock = new MutableClock();
  private final WatcherInfoTracker tracker =
      new WatcherInfoTracker(new IndexedSubscriptionRepository(SubscriptionStore.NONE), clock);

  /** A subscription dropped after a failed NOTIFY never passes a terminated one: its entry must go anyway. */
  @Test
  void aSubscriptionForgottenWithoutAFinalNotifyLeavesNoEntry() {
    for (int i = 0; i < 100; i++) {
      Subscription subscription = subscription("c" + i);
      tracker.presenceNotified(subscription);
      tracker.forget(subscription.key());
    }
    assertThat(tracker.size()).isZero();
  }

  private Subscription subscription(String callId) {
    return Subscription.create(
        new SubscriptionKey(callId, "tag", "presence", ""), Aor.parse("sip:alice@example.com"),
        Aor.parse("sip:bob@example.com"), Optional.empty(), "application/pidf+xml",
        new DialogState(callId, "ours", "tag", "sip:bob@192.0.2.1", List.of(), 1, 0, "udp"),
        true, Duration.ofSeconds(600), NotifyRate.NONE, clock);
  }
}
