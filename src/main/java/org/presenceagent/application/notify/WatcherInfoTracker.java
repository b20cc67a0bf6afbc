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
import java.util.function.Function;
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
 *
 * <p>In cluster mode the watchers of a presentity are read from the shared table (whichever node
 * owns them), so every node composes the same full document; changes of the watchers other nodes own
 * arrive through {@link #elsewhere} (docs/scale-out.md, "Watcher information across nodes").
 */
final class WatcherInfoTracker {

  private final SubscriptionRepository subscriptions;
  private final Clock clock;
  private final Map<SubscriptionKey, Reported> reported = new ConcurrentHashMap<>();
  /** A presentity's presence subscriptions: this node's (the default), or every node's from the table. */
  private volatile Function<Aor, List<Subscription>> presenceWatchers;

  WatcherInfoTracker(SubscriptionRepository subscriptions, Clock clock) {
    this.subscriptions = subscriptions;
    this.clock = clock;
    this.presenceWatchers = presentity -> subscriptions.findByPresentity(presentity, EventPackage.PRESENCE.name());
  }

  /** Cluster mode: full documents list the presentity's watchers as the shared table holds them. */
  void readWatchersFrom(Function<Aor, List<Subscription>> stored) {
    this.presenceWatchers = stored;
  }

  /**
   * The presentity's presence watchers now (a full document), plus stored offline watchers that
   * have no live subscription any more, as they were when stored: pending after subscribing.
   */
  WatcherList full(Aor presentity, List<OfflineWatcher> offline) {
    List<WatcherEntry> entries = new ArrayList<>();
    Set<Aor> live = new HashSet<>();
    for (Subscription subscription : presenceWatchers.apply(presentity)) {
      if (!subscription.isTerminated()) {
        if (subscriptions.find(subscription.key()).isEmpty()) {
          // Another node's watcher, now shown: its later change or removal is told against this.
          reported.putIfAbsent(subscription.key(), new Reported(subscription.state(), "subscribe", subscription));
        }
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
      reported.put(subscription.key(), new Reported(state, event, subscription));
    }
    if (previous != null && previous.state() == state) {
      return Optional.empty(); // a refresh: nothing changed for the watchers of the watchers
    }
    return Optional.of(new WatcherList(subscription.presentity(), EventPackage.PRESENCE.name(),
        List.of(WatcherEntry.of(subscription, event, clock))));
  }

  /**
   * Another node stored a change of one of its presence watchers (cluster mode).
   *
   * @param stored the subscription as the table holds it now; empty when it was removed
   * @param endEvent the event that ended it, for a removal
   * @return the watcher's entry when its status changed for the watchers of the watchers, else empty
   *     (a removal of a watcher never reported here has nobody to tell)
   */
  Optional<WatcherList> elsewhere(SubscriptionKey key, Optional<Subscription> stored, String endEvent) {
    if (stored.isPresent() && !stored.get().isTerminated()) {
      return presenceNotified(stored.get());
    }
    Reported previous = reported.remove(key);
    if (previous == null) {
      return Optional.empty();
    }
    Subscription ended = previous.subscription().terminated(TerminationReason.ofToken(endEvent).orElse(TerminationReason.TIMEOUT));
    return Optional.of(new WatcherList(ended.presentity(), EventPackage.PRESENCE.name(),
        List.of(WatcherEntry.of(ended, endEvent, clock))));
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

  /** @param subscription as last seen: names the watcher when its removal is told from another node */
  private record Reported(SubscriptionState state, String event, Subscription subscription) {}
}
