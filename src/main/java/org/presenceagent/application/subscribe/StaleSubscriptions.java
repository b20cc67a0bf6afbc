package org.presenceagent.application.subscribe;

import org.presenceagent.application.expiry.SubscriptionTimers;
import org.presenceagent.application.port.NotifySender;
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
  private final NotifySender dialogs;
  private final boolean enabled;

  /** @param dialogs told to free the dialog of each subscription removed */
  public StaleSubscriptions(
      SubscriptionRepository subscriptions, SubscriptionTimers timers, NotifySender dialogs, boolean enabled) {
    this.subscriptions = subscriptions;
    this.timers = timers;
    this.dialogs = dialogs;
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
        remove(old);
      }
    }
  }

  /**
   * Removes a subscription that a new one replaces, silently: its watcher forgot the dialog, or
   * never learnt it (a dialog-creating SUBSCRIBE retransmitted after a crash). Callers hold the
   * presentity's lock.
   */
  public void remove(Subscription old) {
    subscriptions.remove(old.key());
    timers.cancel(old);
    dialogs.release(old.key());
  }
}
