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

  /** Cluster mode: another node's watcher, read from the table, reported by its state changes and its end. */
  @Test
  void anotherNodesWatcherIsReportedOnEachStateChangeAndItsEndWithTheRowsEvent() {
    Subscription pending = subscription("remote", false);
    SubscriptionKey key = pending.key();

    assertThat(tracker.elsewhere(key, Optional.of(pending), "timeout")).hasValueSatisfying(list ->
        assertThat(list.watchers()).singleElement().satisfies(entry -> {
          assertThat(entry.status()).isEqualTo("pending");
          assertThat(entry.event()).isEqualTo("subscribe");
        }));
    assertThat(tracker.elsewhere(key, Optional.of(pending), "timeout")).as("read twice: nothing new").isEmpty();
    assertThat(tracker.elsewhere(key, Optional.of(pending.activated()), "timeout")).hasValueSatisfying(list ->
        assertThat(list.watchers()).singleElement().satisfies(entry -> {
          assertThat(entry.status()).isEqualTo("active");
          assertThat(entry.event()).isEqualTo("approved");
        }));
    assertThat(tracker.elsewhere(key, Optional.empty(), "rejected")).hasValueSatisfying(list ->
        assertThat(list.watchers()).singleElement().satisfies(entry -> {
          assertThat(entry.status()).isEqualTo("terminated");
          assertThat(entry.event()).isEqualTo("rejected");
          assertThat(entry.watcher()).isEqualTo(Aor.parse("sip:bob@example.com"));
        }));
    assertThat(tracker.elsewhere(key, Optional.empty(), "rejected")).as("told once").isEmpty();
    assertThat(tracker.size()).isZero();
  }

  /** A watcher first shown in a full document read from the table is named when it goes. */
  @Test
  void aWatcherSeenOnlyInAFullDocumentFromTheTableIsNamedWhenItEnds() {
    Subscription remote = subscription("remote", true);
    tracker.readWatchersFrom(presentity -> List.of(remote));

    assertThat(tracker.full(remote.presentity(), List.of()).watchers()).singleElement()
        .satisfies(entry -> assertThat(entry.status()).isEqualTo("active"));
    assertThat(tracker.elsewhere(remote.key(), Optional.of(remote), "timeout")).as("already shown").isEmpty();
    assertThat(tracker.elsewhere(remote.key(), Optional.empty(), "timeout")).hasValueSatisfying(list ->
        assertThat(list.watchers()).singleElement().satisfies(entry -> {
          assertThat(entry.status()).isEqualTo("terminated");
          assertThat(entry.event()).isEqualTo("timeout");
        }));
  }

  @Test
  void theRemovalOfAWatcherNeverReportedHereTellsNobody() {
    assertThat(tracker.elsewhere(subscription("unknown", true).key(), Optional.empty(), "timeout")).isEmpty();
  }

  private Subscription subscription(String callId) {
    return subscription(callId, true);
  }

  private Subscription subscription(String callId, boolean authorized) {
    return Subscription.create(
        new SubscriptionKey(callId, "tag", "presence", ""), Aor.parse("sip:alice@example.com"),
        Aor.parse("sip:bob@example.com"), Optional.empty(), "application/pidf+xml",
        new DialogState(callId, "ours", "tag", "sip:bob@192.0.2.1", List.of(), 1, 0, "udp"),
        authorized, Duration.ofSeconds(600), NotifyRate.NONE, clock);
  }
}
