package org.presenceagent.application.authorize;

import org.presenceagent.application.PresentityLocks;
import org.presenceagent.application.expiry.SubscriptionTimers;
import org.presenceagent.application.notify.NotifyService;
import org.presenceagent.domain.auth.AuthorizationPolicy;
import org.presenceagent.domain.auth.SubHandling;
import org.presenceagent.domain.event.EventPackage;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.domain.subscription.SubscriptionRepository;
import org.presenceagent.domain.subscription.TerminationReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-evaluates a presentity's presence subscriptions after its authorization rules changed (the
 * seed's {@code pa.authorize}), at once and without waiting for a refresh:
 *
 * <ul>
 *   <li>allowed (or politely blocked) now: a pending subscription becomes active and its watcher
 *       gets a NOTIFY with the document it may see; an active one is told its possibly different
 *       view;
 *   <li>blocked now: the subscription ends with {@code terminated;reason=rejected} (RFC 6665
 *       section 4.2.2);
 *   <li>to be confirmed now but active before: it ends with {@code reason=deactivated}, so that the
 *       watcher re-subscribes at once and waits pending (a subscription never goes from active
 *       back to pending, RFC 3857 section 3.4);
 *   <li>pending and still to be confirmed: nothing happens.
 * </ul>
 */
public final class AuthorizeService {

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizeService.class);

  private final SubscriptionRepository subscriptions;
  private final AuthorizationPolicy authorization;
  private final NotifyService notifier;
  private final SubscriptionTimers timers;
  private final PresentityLocks locks;

  public AuthorizeService(
      SubscriptionRepository subscriptions,
      AuthorizationPolicy authorization,
      NotifyService notifier,
      SubscriptionTimers timers,
      PresentityLocks locks) {
    this.subscriptions = subscriptions;
    this.authorization = authorization;
    this.notifier = notifier;
    this.timers = timers;
    this.locks = locks;
  }

  /** Applies the presentity's current policy to each of its live presence subscriptions. */
  public void authorize(Aor presentity) {
    locks.withLock(presentity, () -> {
      for (Subscription subscription : subscriptions.findByPresentity(presentity, EventPackage.PRESENCE.name())) {
        if (!subscription.isTerminated()) {
          reevaluate(subscription, authorization.decide(subscription.watcher(), presentity));
        }
      }
      notifier.rulesChanged(presentity); // watchers in this JVM (internal subscriptions) too
    });
  }

  private void reevaluate(Subscription subscription, SubHandling handling) {
    if (handling.activates()) {
      if (!subscription.isActive()) {
        subscription.activate();
        subscriptions.save(subscription);
        LOG.debug("{} authorized", subscription);
      }
      notifier.notifySubscription(subscription, true);
    } else if (handling == SubHandling.BLOCK) {
      end(subscription, TerminationReason.REJECTED);
    } else if (subscription.isActive()) {
      end(subscription, TerminationReason.DEACTIVATED);
    }
  }

  private void end(Subscription subscription, TerminationReason reason) {
    subscription.terminate(reason);
    subscriptions.remove(subscription.key());
    timers.cancel(subscription);
    LOG.debug("{} ended by its presentity's rules: {}", subscription, reason.token());
    // No state in the final NOTIFY: the watcher is no longer authorized to see any.
    notifier.notifySubscription(subscription, false);
  }
}
