package org.presenceagent.application.authorize;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.presenceagent.application.PresentitySequencer;
import org.presenceagent.application.expiry.SubscriptionTimers;
import org.presenceagent.application.notify.NotifyService;
import org.presenceagent.domain.auth.AuthorizationPolicy;
import org.presenceagent.domain.auth.SubHandling;
import org.presenceagent.domain.event.EventPackage;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.shared.UnitOfWork;
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
 *
 * <p>All changes of one evaluation are stored in one unit of work, in the presentity's turn; the
 * watchers are told once it committed.
 */
public final class AuthorizeService {

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizeService.class);

  private final SubscriptionRepository subscriptions;
  private final UnitOfWork.Factory units;
  private final AuthorizationPolicy authorization;
  private final NotifyService notifier;
  private final SubscriptionTimers timers;
  private final PresentitySequencer sequencer;

  public AuthorizeService(
      SubscriptionRepository subscriptions,
      UnitOfWork.Factory units,
      AuthorizationPolicy authorization,
      NotifyService notifier,
      SubscriptionTimers timers,
      PresentitySequencer sequencer) {
    this.subscriptions = subscriptions;
    this.units = units;
    this.authorization = authorization;
    this.notifier = notifier;
    this.timers = timers;
    this.sequencer = sequencer;
  }

  /**
   * Applies the presentity's current policy to each of its live presence subscriptions.
   *
   * @return completes once the changes are stored and the watchers told
   */
  public CompletableFuture<Void> authorize(Aor presentity) {
    return sequencer.submit(presentity, () -> authorizeInTurn(presentity));
  }

  private CompletionStage<Void> authorizeInTurn(Aor presentity) {
    UnitOfWork work = units.begin();
    List<Runnable> afterCommit = new ArrayList<>();
    for (Subscription subscription : subscriptions.findByPresentity(presentity, EventPackage.PRESENCE.name())) {
      if (!subscription.isTerminated()) {
        reevaluate(work, subscription, authorization.decide(subscription.watcher(), presentity), afterCommit);
      }
    }
    return work.commit().thenRun(() -> {
      afterCommit.forEach(Runnable::run);
      notifier.rulesChanged(presentity); // watchers in this JVM (internal subscriptions) too
    });
  }

  private void reevaluate(UnitOfWork work, Subscription subscription, SubHandling handling, List<Runnable> afterCommit) {
    if (handling.activates()) {
      Subscription active = subscription;
      if (!subscription.isActive()) {
        active = subscription.activated();
        subscriptions.save(work, active);
        LOG.debug("{} authorized", subscription);
      }
      Subscription notified = active;
      afterCommit.add(() -> notifier.notifySubscription(notified, true));
    } else if (handling == SubHandling.BLOCK) {
      end(work, subscription, TerminationReason.REJECTED, afterCommit);
    } else if (subscription.isActive()) {
      end(work, subscription, TerminationReason.DEACTIVATED, afterCommit);
    }
  }

  private void end(UnitOfWork work, Subscription subscription, TerminationReason reason, List<Runnable> afterCommit) {
    Subscription ended = subscription.terminated(reason);
    subscriptions.remove(work, ended); // the reason goes to winfo watchers on other nodes too
    afterCommit.add(() -> {
      timers.cancel(ended);
      LOG.debug("{} ended by its presentity's rules: {}", subscription, reason.token());
      // No state in the final NOTIFY: the watcher is no longer authorized to see any.
      notifier.notifySubscription(ended, false);
    });
  }
}
