package org.presenceagent.application.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.presenceagent.domain.event.EventPackage;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.domain.subscription.SubscriptionKey;
import org.presenceagent.domain.subscription.SubscriptionRepository;
import org.presenceagent.domain.subscription.SubscriptionState;
import org.presenceagent.domain.subscription.TerminationReason;
import org.presenceagent.domain.watcher.OfflineWatcher;
import org.presenceagent.domain.watcher.WatcherEntry;
import org.presenceagent.domain.watcher.WatcherList;

/**
 * Watcher information of presence subscriptions (RFC 3857 section 3.4): remembers each
 * subscription's last reported state and the event that caused it, and says when a presence
 * NOTIFY reflects a change the presentity's winfo watchers must hear of. Every presence state
 * change is followed by a NOTIFY to its watcher, so watching those NOTIFYs sees every change.
 *
 * <p>Kept in memory: after a restart, events of restored subscriptions read {@code subscribe}.
 */
final class WatcherInfoTracker {

  private final SubscriptionRepository subscriptions;
  private final Clock clock;
  private final Map<SubscriptionKey, Reported> reported = new ConcurrentHashMap<>();

  WatcherInfoTracker(SubscriptionRepository subscriptions, Clock clock) {
    this.subscriptions = subscriptions;
    this.clock = clock;
  }

  /**
   * The presentity's presence watchers now (a full document), plus stored offline watchers that
   * have no live subscription any more, as they were when stored: pending after subscribing.
   */
  WatcherList full(Aor presentity, List<OfflineWatcher> offline) {
    List<WatcherEntry> entries = new ArrayList<>();
    Set<Aor> live = new HashSet<>();
    for (Subscription subscription : subscriptions.findByPresentity(presentity, EventPackage.PRESENCE.name())) {
      if (!subscription.isTerminated()) {
        entries.add(WatcherEntry.of(subscription, eventOf(subscription), clock));
        live.add(subscription.watcher());
      }
    }
    for (OfflineWatcher watcher : offline) {
      if (live.add(watcher.watcher())) {
        long duration = Math.max(0, Duration.between(watcher.storedAt(), clock.instant()).getSeconds());
        // Stored offline watchers keep no display name (the seed's store_winfo keeps none either).
        entries.add(new WatcherEntry(watcher.id(), watcher.watcher(), Optional.empty(), SubscriptionState.PENDING.token(),
            "subscribe", duration));
      }
    }
    return new WatcherList(presentity, EventPackage.PRESENCE.name(), entries);
  }

  /**
   * Records that a presence subscription's watcher was notified of its state.
   *
   * @return the watcher's entry when its status changed (a partial document), else empty
   */
  Optional<WatcherList> presenceNotified(Subscription subscription) {
    Reported previous = reported.get(subscription.key());
    SubscriptionState state = subscription.state();
    String event;
    if (subscription.isTerminated()) {
      event = subscription.terminationReason().orElse(TerminationReason.TIMEOUT).token();
      reported.remove(subscription.key());
    } else {
      boolean approved = previous != null && previous.state() == SubscriptionState.PENDING
          && state == SubscriptionState.ACTIVE;
      event = approved ? "approved" : previous == null ? "subscribe" : previous.event();
      reported.put(subscription.key(), new Reported(state, event));
    }
    if (previous != null && previous.state() == state) {
      return Optional.empty(); // a refresh: nothing changed for the watchers of the watchers
    }
    return Optional.of(new WatcherList(subscription.presentity(), EventPackage.PRESENCE.name(),
        List.of(WatcherEntry.of(subscription, event, clock))));
  }

  /** The subscription ended without a final NOTIFY (dropped after a failed one, replaced). */
  void forget(SubscriptionKey key) {
    reported.remove(key);
  }

  /** How many subscriptions have a reported state (for tests: it must not outgrow the subscriptions). */
  int size() {
    return reported.size();
  }

  private String eventOf(Subscription subscription) {
    Reported known = reported.get(subscription.key());
    return known == null ? "subscribe" : known.event();
  }

  private record Reported(SubscriptionState state, String event) {}
}
