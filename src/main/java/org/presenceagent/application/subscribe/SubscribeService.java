package org.presenceagent.application.subscribe;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.presenceagent.application.ExpiryGrant;
import org.presenceagent.application.PresentityLocks;
import org.presenceagent.application.RequestRejectedException;
import org.presenceagent.application.expiry.SubscriptionTimers;
import org.presenceagent.application.notify.NotifyService;
import org.presenceagent.domain.auth.AuthorizationPolicies;
import org.presenceagent.domain.auth.SubHandling;
import org.presenceagent.domain.event.EventPackage;
import org.presenceagent.domain.event.EventPackages;
import org.presenceagent.domain.shared.ExpiryPolicy;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.domain.subscription.SubscriptionRepository;

/**
 * Handles SUBSCRIBE as a notifier (RFC 6665 section 4.2.1): creates, refreshes and ends
 * subscriptions, answers once the change is stored, then sends the NOTIFY that must follow every
 * accepted SUBSCRIBE (section 4.2.1.1, 4.2.1.2), including the final one for a fetch or an
 * un-subscribe (section 4.2.1.4 and 4.4.3).
 */
public final class SubscribeService {

  private final EventPackages eventPackages;
  /** Asked at each request: the limits may change while the server runs. */
  private final Supplier<ExpiryPolicy> expiryPolicy;
  private final AuthorizationPolicies authorization;
  private final SubscriptionRepository subscriptions;
  private final NotifyService notifier;
  private final SubscriptionTimers timers;
  private final PresentityLocks locks;
  private final Clock clock;
  private final StaleSubscriptions staleSubscriptions;

  /** @param staleSubscriptions removes the subscriptions a new one replaces ({@code delete_same_subs}) */
  public SubscribeService(
      EventPackages eventPackages,
      Supplier<ExpiryPolicy> expiryPolicy,
      AuthorizationPolicies authorization,
      SubscriptionRepository subscriptions,
      NotifyService notifier,
      SubscriptionTimers timers,
      PresentityLocks locks,
      Clock clock,
      StaleSubscriptions staleSubscriptions) {
    this.eventPackages = eventPackages;
    this.expiryPolicy = expiryPolicy;
    this.authorization = authorization;
    this.subscriptions = subscriptions;
    this.notifier = notifier;
    this.timers = timers;
    this.locks = locks;
    this.clock = clock;
    this.staleSubscriptions = staleSubscriptions;
  }

  /**
   * Handles one SUBSCRIBE.
   *
   * @throws RequestRejectedException for 489, 423, 406, 481, 403 and 500 (out-of-order CSeq)
   */
  public void subscribe(SubscribeCommand command, SubscribeResponder responder) {
    EventPackage eventPackage = eventPackages.find(command.key().event())
        .orElseThrow(() -> RequestRejectedException.badEvent(eventPackages.names()));
    Duration granted = ExpiryGrant.of(expiryPolicy.get(), command.requestedExpires());
    Optional<Subscription> existing = subscriptions.find(command.key());
    if (existing.isPresent() && command.inDialog()) {
      locks.withLock(existing.get().presentity(), () -> refresh(command, granted, responder));
    } else if (existing.isPresent()) {
      // The dialog-creating request again, without our To tag: a retransmission reaching a server
      // restarted after it had stored the subscription but before the 200 left (the transaction
      // layer absorbs retransmissions while it runs). The watcher never learnt the old dialog's tag,
      // so the subscription is created anew in the dialog this answer establishes.
      locks.withLock(existing.get().presentity(), () -> staleSubscriptions.remove(existing.get()));
      locks.withLock(command.presentity(), () -> create(command, eventPackage, granted, responder));
    } else if (command.inDialog()) {
      // RFC 6665 section 4.1.2.2 / RFC 3261 section 12.2.2: a request in a dialog we do not know.
      throw new RequestRejectedException(481, "Subscription Does Not Exist");
    } else {
      locks.withLock(command.presentity(), () -> create(command, eventPackage, granted, responder));
    }
  }

  // The body type is chosen once, here: RFC 6665 section 4.2.1.1 lets the notifier keep the type
  // of the initial SUBSCRIBE, and watchers such as Windows Messenger omit Accept on refreshes.
  private void create(SubscribeCommand command, EventPackage eventPackage, Duration granted, SubscribeResponder responder) {
    String contentType = eventPackage.negotiate(command.accept())
        .orElseThrow(() -> RequestRejectedException.notAcceptable(eventPackage.notifyContentTypes()));
    SubHandling handling = authorization.forEvent(eventPackage.name()).decide(command.watcher(), command.presentity());
    if (handling == SubHandling.BLOCK) {
      throw new RequestRejectedException(403, "Forbidden");
    }
    // Polite-block is active too: the watcher must not be able to tell it from allow (RFC 5025
    // section 3.2.1); the notifier gives it a neutral document.
    boolean authorized = handling.activates();
    Subscription subscription = Subscription.create(
        command.key(), command.presentity(), command.watcher(), command.watcherDisplayName(), contentType,
        command.dialog().withLocalTag(responder.localTag()), authorized, granted, clock);
    if (subscription.isTerminated()) { // a fetch: nothing to keep (RFC 6665 section 4.4.3)
      responder.accept(!authorized, 0);
      notifier.notifySubscription(subscription, authorized);
      return;
    }
    staleSubscriptions.removeReplacedBy(subscription);
    subscriptions.save(subscription);
    responder.accept(!authorized, granted.getSeconds());
    notifier.notifySubscription(subscription, authorized);
    timers.schedule(subscription);
  }

  private void refresh(SubscribeCommand command, Duration granted, SubscribeResponder responder) {
    // Looked up again under the lock: it may have expired since the first look.
    Subscription subscription = subscriptions.find(command.key())
        .orElseThrow(() -> new RequestRejectedException(481, "Subscription Does Not Exist"));
    long cseq = command.dialog().remoteCseq();
    if (cseq < subscription.dialog().remoteCseq()) {
      // RFC 3261 section 12.2.2: a lower CSeq than the last one is out of order.
      throw new RequestRejectedException(500, "CSeq Out of Order");
    }
    boolean authorized = subscription.isActive();
    subscription.refresh(granted, cseq, command.dialog().remoteTarget(), clock);
    if (subscription.isTerminated()) {
      subscriptions.remove(subscription.key());
      timers.cancel(subscription);
      responder.accept(false, 0);
    } else {
      subscriptions.save(subscription);
      responder.accept(!authorized, granted.getSeconds());
      timers.schedule(subscription);
    }
    notifier.notifySubscription(subscription, authorized);
  }
}
