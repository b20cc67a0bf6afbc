package org.presenceagent.application.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.presenceagent.application.port.ExpiryScheduler;
import org.presenceagent.domain.event.EventPackage;
import org.presenceagent.domain.presentity.PublicationRepository;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.domain.subscription.SubscriptionKey;
import org.presenceagent.domain.watcher.OfflineWatcher;
import org.presenceagent.domain.watcher.OfflineWatcherRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offline watcher information (the seed's {@code use_offline_winfo}, {@code store_winfo} and
 * {@code dump_stored_winfo}): a watcher left pending by a presentity that is offline (nothing
 * published) and has no watcher-info subscription to tell is stored; the presentity's next
 * {@code presence.winfo} subscription receives the stored watchers in its first, full document,
 * and they are deleted once that NOTIFY was answered 2xx, so a later subscription does not get
 * them again. Entries older than the configured expiration are removed by a periodic timer.
 */
public final class OfflineWatcherInfo {

  private static final Logger LOG = LoggerFactory.getLogger(OfflineWatcherInfo.class);
  private static final String TIMER = "offline-winfo-expiry";

  private final boolean enabled;
  private final OfflineWatcherRepository stored;
  private final PublicationRepository publications;
  private final Duration expiration;
  private final Clock clock;
  private final Map<SubscriptionKey, List<String>> awaitingAnswer = new ConcurrentHashMap<>();

  public OfflineWatcherInfo(
      boolean enabled,
      OfflineWatcherRepository stored,
      PublicationRepository publications,
      Duration expiration,
      Clock clock) {
    this.enabled = enabled;
    this.stored = stored;
    this.publications = publications;
    this.expiration = expiration;
    this.clock = clock;
  }

  /** Offline watcher information switched off ({@code use_offline_winfo=0}). */
  public static OfflineWatcherInfo disabled(OfflineWatcherRepository stored, PublicationRepository publications, Clock clock) {
    return new OfflineWatcherInfo(false, stored, publications, Duration.ZERO, clock);
  }

  /**
   * A presence watcher has just been reported pending after subscribing.
   *
   * @param told whether an active winfo subscription of the presentity was told of it
   */
  void newPendingWatcher(Subscription subscription, boolean told) {
    if (!enabled || told || !offline(subscription.presentity())) {
      return;
    }
    stored.save(new OfflineWatcher(
        UUID.randomUUID().toString(), subscription.presentity(), subscription.watcher(), clock.instant()));
    LOG.debug("stored offline watcher info: {} watches {}", subscription.watcher(), subscription.presentity());
  }

  /** The stored watchers of a presentity, remembered as delivered in the winfo subscription's NOTIFY. */
  List<OfflineWatcher> deliverTo(Subscription winfoSubscription) {
    if (!enabled) {
      return List.of();
    }
    List<OfflineWatcher> watchers = stored.findByPresentity(winfoSubscription.presentity());
    if (!watchers.isEmpty()) {
      awaitingAnswer.put(winfoSubscription.key(), watchers.stream().map(OfflineWatcher::id).toList());
    }
    return watchers;
  }

  /** A NOTIFY of a subscription was answered 2xx: stored watchers it carried are delivered. */
  public void acknowledged(SubscriptionKey key) {
    List<String> delivered = awaitingAnswer.remove(key);
    if (delivered != null) {
      stored.remove(delivered);
    }
  }

  /** Removes entries older than the expiration; returns how many. */
  public int expire() {
    int removed = stored.removeStoredBefore(clock.instant().minus(expiration));
    if (removed > 0) {
      LOG.info("removed {} expired offline watcher entries", removed);
    }
    return removed;
  }

  /** Runs {@link #expire()} every {@code period} (the seed's {@code offline_winfo_timer}). */
  public void startExpiryTimer(ExpiryScheduler scheduler, Duration period) {
    if (enabled) {
      scheduler.schedule(TIMER, clock.instant().plus(period), () -> {
        expire();
        startExpiryTimer(scheduler, period);
      });
    }
  }

  // No registrar yet: a presentity is online while it has a live publication.
  private boolean offline(Aor presentity) {
    return publications.findByPresentity(presentity, EventPackage.PRESENCE.name()).stream()
        .allMatch(publication -> publication.isExpired(clock));
  }
}
