package org.presenceagent.application.notify;

import java.util.function.BooleanSupplier;
import org.presenceagent.application.PresentityLocks;
import org.presenceagent.application.expiry.SubscriptionTimers;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.domain.subscription.SubscriptionKey;
import org.presenceagent.domain.subscription.SubscriptionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reacts to the final response of a NOTIFY (RFC 6665 section 4.2.2): a 481 or any other failure
 * removes the subscription without a further NOTIFY; a 408 (timeout, also generated locally when
 * the watcher does not answer) does so only unless the seed's {@code ignore_408_on_notify} is set.
 */
public final class NotifyResponseService {

  private static final Logger LOG = LoggerFactory.getLogger(NotifyResponseService.class);

  private final SubscriptionRepository subscriptions;
  private final SubscriptionTimers timers;
  private final PresentityLocks locks;
  private final BooleanSupplier ignore408;
  private final OfflineWatcherInfo offlineWatchers;

  /**
   * @param ignore408 the seed's {@code ignore_408_on_notify}, asked at each answer (operators may
   *     change it while the server runs)
   * @param offlineWatchers learns of 2xx answers, which confirm that stored watchers were delivered
   */
  public NotifyResponseService(
      SubscriptionRepository subscriptions,
      SubscriptionTimers timers,
      PresentityLocks locks,
      BooleanSupplier ignore408,
      OfflineWatcherInfo offlineWatchers) {
    this.offlineWatchers = offlineWatchers;
    this.subscriptions = subscriptions;
    this.timers = timers;
    this.locks = locks;
    this.ignore408 = ignore408;
  }

  /**
   * Handles a NOTIFY's final response.
   *
   * @return whether the subscription was removed because of it
   */
  public boolean onFinalResponse(SubscriptionKey key, int status) {
    if (status >= 200 && status < 300) {
      offlineWatchers.acknowledged(key);
    }
    if (status < 300 || (status == 408 && ignore408.getAsBoolean())) {
      return false;
    }
    return subscriptions.find(key)
        .map(found -> locks.withLock(found.presentity(), () -> remove(found, status)))
        .orElse(false);
  }

  private boolean remove(Subscription subscription, int status) {
    LOG.info("NOTIFY for {} answered {}, removing the subscription", subscription.key(), status);
    subscriptions.remove(subscription.key());
    timers.cancel(subscription);
    return true;
  }
}
