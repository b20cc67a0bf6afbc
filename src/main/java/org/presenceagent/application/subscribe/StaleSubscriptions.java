package org.presenceagent.application.subscribe;

import org.presenceagent.application.expiry.SubscriptionTimers;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.domain.subscription.SubscriptionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the subscriptions a new one replaces (Kamailio's {@code delete_same_subs}): a phone that
 * reboots subscribes again with a new Call-ID, and its old subscription, same watcher, presentity,
 * event and Contact, would otherwise live on until it expires, its NOTIFYs going to a dialog the
 * phone forgot. They are removed without a NOTIFY: nobody is left to receive it.
 */
public final class StaleSubscriptions {

  private static final Logger LOG = LoggerFactory.getLogger(StaleSubscriptions.class);

  private final SubscriptionRepository subscriptions;
  private final SubscriptionTimers timers;
  private final boolean enabled;

  public StaleSubscriptions(SubscriptionRepository subscriptions, SubscriptionTimers timers, boolean enabled) {
    this.subscriptions = subscriptions;
    this.timers = timers;
    this.enabled = enabled;
  }

  /** Removes the live subscriptions that {@code fresh} replaces; callers hold the presentity's lock. */
  public void removeReplacedBy(Subscription fresh) {
    if (!enabled) {
      return;
    }
    for (Subscription old : subscriptions.findByPresentity(fresh.presentity(), fresh.event())) {
      if (!old.key().equals(fresh.key())
          && old.watcher().equals(fresh.watcher())
          && old.dialog().remoteTarget().equals(fresh.dialog().remoteTarget())) {
        LOG.info("subscription {} replaced by {} (same watcher and contact), removed", old.key(), fresh.key());
        subscriptions.remove(old.key());
        timers.cancel(old);
      }
    }
  }
}
