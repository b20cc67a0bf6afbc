package org.presenceagent.application.subscribe;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.presenceagent.application.Completion;
import org.presenceagent.application.ExpiryGrant;
import org.presenceagent.application.PresentitySequencer;
import org.presenceagent.application.PresentitySequencer.StepScope;
import org.presenceagent.application.RequestRejectedException;
import org.presenceagent.application.expiry.SubscriptionTimers;
import org.presenceagent.application.notify.NotifyService;
import org.presenceagent.application.port.OrphanedDialogs;
import org.presenceagent.domain.auth.AuthorizationPolicies;
import org.presenceagent.domain.auth.SubHandling;
import org.presenceagent.domain.event.EventPackage;
import org.presenceagent.domain.event.EventPackages;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.shared.ExpiryPolicy;
import org.presenceagent.domain.shared.UnitOfWork;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.domain.subscription.SubscriptionKey;
import org.presenceagent.domain.subscription.SubscriptionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles SUBSCRIBE as a notifier (RFC 6665 section 4.2.1): creates, refreshes and ends
 * subscriptions, answers once the change is stored, then sends the NOTIFY that must follow every
 * accepted SUBSCRIBE (section 4.2.1.1, 4.2.1.2), including the final one for a fetch or an
 * un-subscribe (section 4.2.1.4 and 4.4.3).
 *
 * <p>Each request is a step in its presentity's turn ({@link PresentitySequencer}): it checks the
 * request against the stored state, builds the new subscription, stores it in a unit of work and,
 * once that committed, answers, notifies and sets the expiry timer. The thread that received the
 * request never waits for the database.
 */
public final class SubscribeService {

  private static final Logger LOG = LoggerFactory.getLogger(SubscribeService.class);

  private final EventPackages eventPackages;
  /** Asked at each request: the limits may change while the server runs. */
  private final Supplier<ExpiryPolicy> expiryPolicy;
  private final AuthorizationPolicies authorization;
  private final SubscriptionRepository subscriptions;
  private final UnitOfWork.Factory units;
  private final NotifyService notifier;
  private final SubscriptionTimers timers;
  private final PresentitySequencer sequencer;
  private final Clock clock;
  private final StaleSubscriptions staleSubscriptions;
  private final OrphanedDialogs orphanedDialogs;

  /**
   * @param staleSubscriptions removes the subscriptions a new one replaces ({@code delete_same_subs})
   * @param orphanedDialogs asked for an in-dialog request whose dialog this node does not hold
   */
  public SubscribeService(
      EventPackages eventPackages,
      Supplier<ExpiryPolicy> expiryPolicy,
      AuthorizationPolicies authorization,
      SubscriptionRepository subscriptions,
      UnitOfWork.Factory units,
      NotifyService notifier,
      SubscriptionTimers timers,
      PresentitySequencer sequencer,
      Clock clock,
      StaleSubscriptions staleSubscriptions,
      OrphanedDialogs orphanedDialogs) {
    this.eventPackages = eventPackages;
    this.expiryPolicy = expiryPolicy;
    this.authorization = authorization;
    this.subscriptions = subscriptions;
    this.units = units;
    this.notifier = notifier;
    this.timers = timers;
    this.sequencer = sequencer;
    this.clock = clock;
    this.staleSubscriptions = staleSubscriptions;
    this.orphanedDialogs = orphanedDialogs;
  }

  /**
   * Handles one SUBSCRIBE; the responder is told the outcome: accepted, or rejected with 489, 423,
   * 406, 481, 403, 500 (out-of-order CSeq), 503 (another node serves the dialog) or the failure to
   * store the change.
   *
   * @return completes once the request was answered
   */
  public CompletableFuture<Void> subscribe(SubscribeCommand command, SubscribeResponder responder) {
    return Completion.answering(() -> start(command, responder), responder::reject);
  }

  private CompletionStage<Void> start(SubscribeCommand command, SubscribeResponder responder) {
    EventPackage eventPackage = eventPackages.find(command.key().event())
        .orElseThrow(() -> RequestRejectedException.badEvent(eventPackages.names()));
    Duration granted = ExpiryGrant.of(expiryPolicy.get(), command.requestedExpires());
    Optional<Subscription> existing = subscriptions.find(command.key());
    if (existing.isPresent() && command.inDialog()) {
      return inTurn(existing.get().presentity(), eventPackage, existing.get().watcher(), () -> refresh(command, granted, responder));
    }
    if (existing.isPresent()) {
      // The dialog-creating request again, without our To tag: a retransmission reaching a server
      // restarted after it had stored the subscription but before the 200 left (the transaction
      // layer absorbs retransmissions while it runs). The watcher never learnt the old dialog's tag,
      // so the subscription is created anew in the dialog this answer establishes.
      Subscription stale = existing.get();
      if (!stale.watcher().equals(command.watcher())) {
        // Same Call-ID and From tag from another watcher: a forgery, not a retransmission.
        throw new RequestRejectedException(403, "Forbidden (the subscription belongs to another watcher)");
      }
      return sequencer.submit(stale.presentity(), () -> removeStale(stale))
          .thenCompose(ignored -> inTurnNew(command, eventPackage, () -> create(command, eventPackage, granted, responder)));
    }
    if (command.inDialog()) {
      return askOrphanedDialogs(command.key())
          .thenCompose(outcome -> afterTakeover(outcome, command, eventPackage, granted, responder));
    }
    return inTurnNew(command, eventPackage, () -> create(command, eventPackage, granted, responder));
  }

  /**
   * Asks whether another node's dialog can be taken over. The request itself is fine when the asking
   * fails (the shared database unreachable, restarting, the connection pool exhausted): the server
   * cannot serve it now, which is 503 with Retry-After (RFC 3261 section 21.5.4), not a 500. One lease
   * later the database has either come back or every node has stopped acting for its dialogs.
   */
  private CompletionStage<OrphanedDialogs.Outcome> askOrphanedDialogs(SubscriptionKey key) {
    CompletionStage<OrphanedDialogs.Outcome> asked;
    try {
      asked = orphanedDialogs.takeOverIfOrphaned(key);
    } catch (RuntimeException e) {
      asked = CompletableFuture.failedFuture(e);
    }
    return asked.exceptionally(failure -> {
      LOG.warn("could not ask the shared database about dialog {}: {}", key, failure.toString());
      throw new RequestRejectedException(503, "Service Unavailable (the dialog's owner cannot be looked up now)",
          Map.of("Retry-After", retryAfterSeconds()));
    });
  }

  /** One lease, at least a second: when the owner has renewed or lost it (and the database answers). */
  private String retryAfterSeconds() {
    return Long.toString(Math.max(1, orphanedDialogs.retryAfter().toSeconds()));
  }

  /**
   * An in-dialog request for a dialog this node did not hold: served as a refresh once this node took
   * the dialog over from a node whose lease lapsed; otherwise refused.
   */
  private CompletionStage<Void> afterTakeover(OrphanedDialogs.Outcome outcome, SubscribeCommand command,
      EventPackage eventPackage, Duration granted, SubscribeResponder responder) {
    switch (outcome) {
      case ADOPTED -> {
        Subscription adopted = subscriptions.find(command.key())
            .orElseThrow(() -> new RequestRejectedException(481, "Subscription Does Not Exist"));
        return inTurn(adopted.presentity(), eventPackage, adopted.watcher(), () -> refresh(command, granted, responder));
      }
      case OWNER_ALIVE -> {
        // RFC 3261 section 21.5.4: the node that owns the dialog serves it; a balancer that does
        // not keep dialogs on their node retries, by then at the owner or after its lease lapsed.
        orphanedDialogs.ownerAlive();
        throw new RequestRejectedException(503, "Service Unavailable (another node serves this dialog)",
            Map.of("Retry-After", retryAfterSeconds()));
      }
      default ->
        // RFC 6665 section 4.1.2.2 / RFC 3261 section 12.2.2: a request in a dialog we do not know.
        throw new RequestRejectedException(481, "Subscription Does Not Exist");
    }
  }

  /**
   * Queues a new subscription's step in its presentity's turn. It reads and writes only its
   * watcher's subscriptions to the presentity (the one it creates, those {@code delete_same_subs}
   * replaces), so it runs alongside other watchers' steps and their writes share a commit: a
   * thousand watchers subscribing to one presentity at once are not served one commit after
   * another. Watcher information reads every subscription of the presentity, so its steps run alone.
   */
  private CompletableFuture<Void> inTurnNew(SubscribeCommand command, EventPackage eventPackage, Supplier<CompletionStage<Void>> step) {
    return sequencer.submitNew(command.presentity(), scopeOf(eventPackage, command.watcher()), step);
  }

  /** Queues a step of an existing subscription (refresh, un-subscribe), alongside as {@link #inTurnNew} says. */
  private CompletableFuture<Void> inTurn(Aor presentity, EventPackage eventPackage, Aor watcher, Supplier<CompletionStage<Void>> step) {
    return sequencer.submit(presentity, scopeOf(eventPackage, watcher), step);
  }

  /** A subscription's step runs alone when its package reports on the presentity's subscriptions (winfo). */
  private static StepScope scopeOf(EventPackage eventPackage, Aor watcher) {
    return eventPackage.reportsOnSubscriptions() ? StepScope.WHOLE : StepScope.of(new WatcherScope(eventPackage.name(), watcher));
  }

  /** What a subscription's step touches: one watcher's subscriptions to the presentity in one package. */
  private record WatcherScope(String event, Aor watcher) {}

  private CompletionStage<Void> removeStale(Subscription stale) {
    UnitOfWork work = units.begin();
    staleSubscriptions.remove(work, stale);
    return work.commit().thenRun(() -> staleSubscriptions.forget(stale));
  }

  // The body type is chosen once, here: RFC 6665 section 4.2.1.1 lets the notifier keep the type
  // of the initial SUBSCRIBE, and watchers such as Windows Messenger omit Accept on refreshes.
  private CompletionStage<Void> create(
      SubscribeCommand command, EventPackage eventPackage, Duration granted, SubscribeResponder responder) {
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
        command.dialog().withLocalTag(responder.localTag()), authorized, granted, command.rate().negotiated(granted),
        clock);
    if (subscription.isTerminated()) { // a fetch: nothing to keep (RFC 6665 section 4.4.3)
      responder.accept(!authorized, 0);
      notifier.notifySubscription(subscription, authorized);
      return Completion.done();
    }
    UnitOfWork work = units.begin();
    List<Subscription> replaced = staleSubscriptions.removeReplacedBy(work, subscription);
    subscriptions.save(work, subscription);
    return work.commit().thenRun(() -> {
      replaced.forEach(staleSubscriptions::forget);
      responder.accept(!authorized, granted.getSeconds());
      notifier.notifySubscription(subscription, authorized);
      timers.schedule(subscription);
    });
  }

  private CompletionStage<Void> refresh(SubscribeCommand command, Duration granted, SubscribeResponder responder) {
    // Looked up again in the presentity's turn: it may have expired since the first look.
    Subscription current = subscriptions.find(command.key())
        .orElseThrow(() -> new RequestRejectedException(481, "Subscription Does Not Exist"));
    long cseq = command.dialog().remoteCseq();
    if (cseq < current.dialog().remoteCseq()) {
      // RFC 3261 section 12.2.2: a lower CSeq than the last one is out of order.
      throw new RequestRejectedException(500, "CSeq Out of Order");
    }
    boolean authorized = current.isActive();
    Subscription refreshed = current.refreshed(
        granted, cseq, command.dialog().remoteTarget(), command.rate().negotiated(granted), clock);
    UnitOfWork work = units.begin();
    if (refreshed.isTerminated()) {
      subscriptions.remove(work, refreshed.key());
    } else {
      subscriptions.save(work, refreshed);
    }
    return work.commit().thenRun(() -> {
      if (refreshed.isTerminated()) {
        timers.cancel(refreshed);
        responder.accept(false, 0);
      } else {
        responder.accept(!authorized, granted.getSeconds());
        timers.schedule(refreshed);
      }
      notifier.notifySubscription(refreshed, authorized);
    });
  }
}
