package org.presenceagent.application.subscribe;

import java.util.List;
import org.presenceagent.application.expiry.SubscriptionTimers;
import org.presenceagent.application.notify.NotifyService;
import org.presenceagent.domain.shared.UnitOfWork;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.domain.subscription.SubscriptionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the subscriptions a new one replaces (Kamailio's {@code delete_same_subs}): a phone that
 * reboots subscribes again with a new Call-ID, and its old subscription, same watcher, presentity,
 * event and Contact, would otherwise live on until it expires, its NOTIFYs going to a dialog the
 * phone forgot. They are removed without a NOTIFY: nobody is left to receive it. The presentity's
 * watcher-information subscribers do hear of it: the old subscription's entry ends (RFC 3857
 * section 3.4), as for a watcher dropped after a failed NOTIFY.
 */
public final class StaleSubscriptions {

  private static final Logger LOG = LoggerFactory.getLogger(StaleSubscriptions.class);

  private final SubscriptionRepository subscriptions;
  private final SubscriptionTimers timers;
  private final NotifyService notifier;
  private final boolean enabled;

  /** @param notifier told to forget the dialog of each subscription removed */
  public StaleSubscriptions(
      SubscriptionRepository subscriptions, SubscriptionTimers timers, NotifyService notifier, boolean enabled) {
    this.subscriptions = subscriptions;
    this.timers = timers;
    this.notifier = notifier;
    this.enabled = enabled;
  }

  /**
   * The live subscriptions that {@code fresh} replaces (same watcher and Contact), removed in
   * {@code work}; call {@link #forget} for each once it committed. Runs in the presentity's turn.
   */
  public List<Subscription> removeReplacedBy(UnitOfWork work, Subscription fresh) {
    if (!enabled) {
      return List.of();
    }
    // Indexed by watcher and target: a scan of the presentity's subscriptions would make n watchers
    // subscribing cost n squared.
    List<Subscription> replaced = subscriptions
        .findByWatcherAndTarget(fresh.presentity(), fresh.event(), fresh.watcher(), fresh.dialog().remoteTarget())
        .stream()
        .filter(old -> !old.key().equals(fresh.key()))
        .toList();
    for (Subscription old : replaced) {
      LOG.info("subscription {} replaced by {} (same watcher and contact), removed", old.key(), fresh.key());
      subscriptions.remove(work, old.key());
    }
    return replaced;
  }

  /**
   * Removes a subscription that a new one replaces, silently, in {@code work}: its watcher forgot
   * the dialog, or never learnt it (a dialog-creating SUBSCRIBE retransmitted after a crash).
   */
  public void remove(UnitOfWork work, Subscription old) {
    subscriptions.remove(work, old.key());
  }

  /**
   * After the unit that removed it committed: no timer and no dialog are left for it, and its end
   * is reported to the presentity's winfo watchers.
   */
  public void forget(Subscription old) {
    timers.cancel(old);
    notifier.dropped(old);
  }
}
