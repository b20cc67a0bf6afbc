package org.presenceagent.application.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import org.presenceagent.application.notify.DialogNotifier.Content;
import org.presenceagent.application.notify.DialogNotifier.PresenceContent;
import org.presenceagent.application.notify.DialogNotifier.Request;
import org.presenceagent.application.notify.DialogNotifier.Ticket;
import org.presenceagent.application.notify.DialogNotifier.WatcherInfoContent;
import org.presenceagent.application.notify.PresentityChange.BodyKey;
import org.presenceagent.application.port.DocumentCodec;
import org.presenceagent.application.port.ExpiryScheduler;
import org.presenceagent.application.port.Notification;
import org.presenceagent.application.port.NotifyBody;
import org.presenceagent.application.port.NotifyFailedException;
import org.presenceagent.application.port.NotifySender;
import org.presenceagent.application.port.WatcherInfoWriter;
import org.presenceagent.domain.auth.AuthorizationPolicy;
import org.presenceagent.domain.auth.Decision;
import org.presenceagent.domain.auth.SubHandling;
import org.presenceagent.domain.auth.Transformations;
import org.presenceagent.domain.event.EventPackage;
import org.presenceagent.domain.presentity.PresenceDocument;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.domain.subscription.SubscriptionKey;
import org.presenceagent.domain.subscription.SubscriptionRepository;
import org.presenceagent.domain.subscription.SubscriptionState;
import org.presenceagent.domain.subscription.TerminationReason;
import org.presenceagent.domain.watcher.WatcherList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the NOTIFYs of the presence event packages (RFC 3856 section 6.7, RFC 3857): the state of
 * one subscription after it was created, refreshed or ended, and the new state of a presentity to
 * all its active watchers after a change.
 *
 * <p>How NOTIFYs leave: each dialog has a {@link DialogNotifier} that keeps one NOTIFY in flight
 * (RFC 6665 section 4.2.2), merges what arrives meanwhile and honours RFC 6446 rate control. A
 * subscription's own NOTIFY goes out on the caller's thread when its dialog is idle (a SUBSCRIBE
 * costs no hand-over); the NOTIFYs of a presentity change go out from the bounded {@code executor},
 * so the request that changed the state is answered without waiting for its watchers. Bodies are
 * composed once per change, format and view ({@link PresentityChange}).
 *
 * <p>An active watcher gets the presentity's state only while its policy says {@code allow} when
 * the NOTIFY is built, and only what the transformations of its rules show (RFC 5025 section
 * 3.3). Otherwise it gets the document of a presentity without publications (one closed tuple):
 * that is what {@code polite-block} means (RFC 5025 section 3.2.1), and it also fails closed while
 * rules are not known or have just been withdrawn.
 *
 * <p>{@code presence.winfo} subscriptions (RFC 3857) get the full watcher list of their presentity
 * when they are notified of their own state, and a partial one each time a presence watcher of that
 * presentity changes status.
 *
 * <p>Watchers in the same JVM (internal subscriptions) are {@link PresentityObserver}s told of the
 * same changes, and read the document they may see through {@link #presenceDocument}.
 */
public final class NotifyService {

  private static final Logger LOG = LoggerFactory.getLogger(NotifyService.class);
  private static final String RATE_TIMER = "notify-rate:";
  private static final String MIN_RATE_TIMER = "notify-min-rate:";

  private final PresentityState state;
  private final SubscriptionRepository subscriptions;
  private final DocumentCodec codec;
  private final NotifySender sender;
  private final AuthorizationPolicy authorization;
  private final WatcherInfoWriter watcherInfo;
  private final WatcherInfoTracker watchers;
  private final OfflineWatcherInfo offlineWatchers;
  private final Function<Aor, Optional<PresenceDocument>> staticPresence;
  private final Clock clock;
  private final boolean offlineBody;
  private final List<PresentityObserver> observers = new CopyOnWriteArrayList<>();
  private final SphereChanges sphereChanges;
  private final Executor executor;
  private final ExpiryScheduler timers;
  private final Map<SubscriptionKey, DialogNotifier> dialogs = new ConcurrentHashMap<>();
  private volatile Consumer<SubscriptionKey> unreachable = key -> { };
  private volatile CseqReservations reservations = CseqReservations.NONE;

  /**
   * @param authorization the presence policy, asked at each NOTIFY for polite blocks
   * @param watcherInfo writes the bodies of {@code presence.winfo} NOTIFYs
   * @param offlineWatchers stores watchers of offline presentities and hands them over later
   * @param staticPresence a presentity's static presence (RFC 4827), composed before its
   *     publications
   * @param state the presentity's publications and, with use_callbacks, its registrations
   * @param offlineBody whether a presentity without state is notified as one closed tuple
   *     ({@code notify_offline_body=1}) or with no body
   * @param sphereChanges re-authorizes the subscriptions of a presentity whose sphere changed
   * @param executor sends the NOTIFYs of presentity changes (bounded: the application's workers)
   * @param timers holds NOTIFYs back until RFC 6446 {@code max-rate} allows them
   */
  public NotifyService(
      PresentityState state,
      SubscriptionRepository subscriptions,
      DocumentCodec codec,
      NotifySender sender,
      AuthorizationPolicy authorization,
      WatcherInfoWriter watcherInfo,
      OfflineWatcherInfo offlineWatchers,
      Function<Aor, Optional<PresenceDocument>> staticPresence,
      Clock clock,
      boolean offlineBody,
      SphereChanges sphereChanges,
      Executor executor,
      ExpiryScheduler timers) {
    this.sphereChanges = sphereChanges;
    this.staticPresence = staticPresence;
    this.offlineWatchers = offlineWatchers;
    this.authorization = authorization;
    this.watcherInfo = watcherInfo;
    this.watchers = new WatcherInfoTracker(subscriptions, clock);
    this.state = state;
    this.subscriptions = subscriptions;
    this.codec = codec;
    this.sender = sender;
    this.clock = clock;
    this.offlineBody = offlineBody;
    this.executor = executor;
    this.timers = timers;
  }

  /** Stores new CSeq and version ceilings for a dialog that is about to use its reservation up. */
  @FunctionalInterface
  public interface CseqReservations {
    /** Reserves nothing: dialogs keep their ceilings (tests of other behaviour). */
    CseqReservations NONE = (key, cseq, version) -> CompletableFuture.completedFuture(Optional.empty());

    /**
     * @return completes with the subscription as stored with its new ceilings (or already higher
     *     ones), empty when it is gone
     */
    CompletionStage<Optional<Subscription>> reserve(SubscriptionKey key, long lastCseq, long lastVersion);
  }

  /**
   * Connects what this service cannot do itself: removing a subscription whose NOTIFY could not be
   * sent (RFC 6665 section 4.2.2), and storing CSeq reservations. Called once by the composition
   * root, since both go through the subscriptions' use cases, which are built on this service.
   */
  public void connect(Consumer<SubscriptionKey> unreachable, CseqReservations reservations) {
    this.unreachable = unreachable;
    this.reservations = reservations;
  }

  /**
   * Notifies one subscription of its own state (after a SUBSCRIBE, an authorization change, its
   * end), at once when its dialog is idle.
   *
   * @param withState whether the watcher is authorized to see the presentity's state (a pending
   *     subscription, or one that ends before it was ever authorized, gets no body)
   */
  public void notifySubscription(Subscription subscription, boolean withState) {
    Content content = withState || isWatcherInfo(subscription)
        ? contentNow(subscription) : new PresenceContent(EMPTY_CHANGE);
    request(subscription, new Request(subscription, withState, content, true), true);
    if (EventPackage.PRESENCE.name().equalsIgnoreCase(subscription.event())) {
      notifyWatcherInfo(subscription);
    }
  }

  /**
   * Sends the presentity's new state to each of its active watchers, from the executor. Each
   * watcher gets the view its rules give it (RFC 5025 section 3.3); watchers with the same view and
   * format share one body.
   */
  public void notifyWatchers(Aor presentity, String event) {
    List<Subscription> watching = subscriptions.findByPresentity(presentity, event);
    if (EventPackage.PRESENCE.name().equalsIgnoreCase(event)) {
      // Nobody to move: no rules look-up (which could wait for an external XCAP server) and nothing kept.
      if (watching.isEmpty()) {
        sphereChanges.forget(presentity);
      } else if (sphereChanges.reauthorizedAfterChange(presentity)) {
        return; // every subscription was evaluated again and notified of what it may see now
      }
    }
    if (!watching.isEmpty()) {
      PresenceContent content = new PresenceContent(change(presentity, event));
      for (Subscription subscription : watching) {
        if (subscription.isActive()) {
          request(subscription, new Request(subscription, true, content, false), false);
        }
      }
    }
    if (EventPackage.PRESENCE.name().equalsIgnoreCase(event)) {
      tellObservers(presentity);
    }
  }

  /**
   * A NOTIFY of this dialog was answered: the next one may go (a 2xx also confirms delivered offline
   * watcher information). Whether a failure ends the subscription is the caller's decision.
   */
  public void notifyAnswered(SubscriptionKey key, int status) {
    if (status >= 200 && status < 300) {
      offlineWatchers.acknowledged(key);
    }
    DialogNotifier dialog = dialogs.get(key);
    if (dialog == null) {
      return;
    }
    dialog.answered();
    if (dialog.isClosed()) {
      dialogs.remove(key, dialog);
    } else {
      dispatch(dialog);
    }
  }

  /**
   * The subscription was removed without a final NOTIFY because its watcher could not be reached
   * (a NOTIFY failed or could not be sent, RFC 6665 section 4.2.2): its dialog is forgotten and,
   * for {@code presence}, the presentity's winfo watchers see the watcher {@code terminated} in a
   * partial document (RFC 3857 section 3.4, RFC 3858 section 4.4). The event is {@code timeout}:
   * the watcher's end of the subscription is gone, as after an un-subscribe, which reads
   * {@code timeout} too; the other events name a decision of the presentity or its policy.
   */
  public void dropped(Subscription removed) {
    if (EventPackage.PRESENCE.name().equalsIgnoreCase(removed.event()) && !removed.isTerminated()) {
      notifyWatcherInfo(removed.terminated(TerminationReason.TIMEOUT));
    }
    forget(removed.key());
  }

  /** The subscription ended without a final NOTIFY (dropped, replaced): its dialog is forgotten. */
  public void forget(SubscriptionKey key) {
    dialogs.remove(key);
    watchers.forget(key); // no terminated NOTIFY will pass presenceNotified: its entry would stay for ever
    timers.cancel(RATE_TIMER + key.asText());
    timers.cancel(MIN_RATE_TIMER + key.asText());
  }

  /** How many NOTIFYs this process sent in the subscription's dialog (for management views). */
  public long notificationsSent(SubscriptionKey key) {
    DialogNotifier dialog = dialogs.get(key);
    return dialog == null ? 0 : dialog.sent();
  }

  /** Dialogs with a NOTIFY in flight or waiting (a load signal for admission control). */
  public int backlog() {
    int busy = 0;
    for (DialogNotifier dialog : dialogs.values()) {
      if (dialog.isBusy()) {
        busy++;
      }
    }
    return busy;
  }

  private void request(Subscription subscription, Request request, boolean inline) {
    DialogNotifier dialog = dialogs.computeIfAbsent(subscription.key(), ignored -> new DialogNotifier(subscription));
    if (!dialog.request(request)) {
      return; // the final NOTIFY already went out
    }
    if (inline) {
      dispatch(dialog);
    } else {
      executor.execute(() -> dispatch(dialog));
    }
  }

  /** Sends the dialog's next NOTIFY if it may go now, or arms the rate timer that will send it. */
  private void dispatch(DialogNotifier dialog) {
    Instant now = clock.instant();
    Optional<Ticket> ticket = dialog.next(now);
    if (ticket.isEmpty()) {
      if (dialog.startReservationIfDue()) {
        reserve(dialog);
      }
      dialog.holdUntil(now).ifPresent(until -> {
        if (dialog.armRateTimer()) {
          timers.schedule(RATE_TIMER + dialog.key().asText(), until, () -> {
            dialog.rateTimerFired();
            executor.execute(() -> dispatch(dialog));
          });
        }
      });
      return;
    }
    send(dialog, ticket.get());
  }

  private void send(DialogNotifier dialog, Ticket ticket) {
    Subscription subscription = ticket.request().subscription();
    try {
      sender.send(notification(ticket));
    } catch (NotifyFailedException e) {
      // The watcher cannot be reached any more (RFC 6665 section 4.2.2).
      LOG.warn("NOTIFY for {} could not be sent, removing the subscription: {}", subscription.key(), e.getMessage());
      dialogs.remove(subscription.key(), dialog);
      if (!subscription.isTerminated()) {
        unreachable.accept(subscription.key());
      }
      return;
    }
    if (subscription.isTerminated()) {
      timers.cancel(MIN_RATE_TIMER + subscription.key().asText());
      return;
    }
    if (dialog.startReservationIfDue()) {
      reserve(dialog);
    }
    armMinimumRate(dialog, subscription);
  }

  /**
   * Stores higher ceilings for the dialog; once stored, the dialog may use them, and a NOTIFY that
   * waited for them goes out.
   */
  private void reserve(DialogNotifier dialog) {
    CompletionStage<Optional<Subscription>> stored;
    try {
      stored = reservations.reserve(dialog.key(), dialog.lastCseq(), dialog.nextVersion() - 1);
    } catch (RuntimeException e) {
      stored = CompletableFuture.failedFuture(e);
    }
    stored.whenComplete((subscription, failure) -> {
      if (failure != null || subscription == null || subscription.isEmpty()) {
        if (failure != null) {
          LOG.warn("could not store a CSeq reservation for {}; its NOTIFYs wait: {}", dialog.key(), failure.toString());
        }
        dialog.reservationFailed();
        return;
      }
      dialog.reserved(subscription.get().cseqCeiling(), subscription.get().versionCeiling());
      executor.execute(() -> dispatch(dialog));
    });
  }

  /**
   * RFC 6446 {@code min-rate} and {@code adaptive-min-rate}: when no NOTIFY went out for the
   * allowed time, one with the current state goes (sections 6.2 and 7.2).
   */
  private void armMinimumRate(DialogNotifier dialog, Subscription subscription) {
    if (subscription.rate().minRate().isEmpty() && subscription.rate().adaptiveMinRate().isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    double count = dialog.recentCount(now, subscription.rate().adaptivePeriod(), subscription.rate().assumedHistory());
    subscription.rate().maximumInterval(count).ifPresent(interval -> {
      Optional<Instant> sentAt = dialog.lastSent();
      timers.schedule(MIN_RATE_TIMER + subscription.key().asText(), now.plus(interval), () -> {
        if (dialogs.get(subscription.key()) == dialog && dialog.lastSent().equals(sentAt)) {
          subscriptions.find(subscription.key()).filter(current -> !current.isTerminated()).ifPresent(current ->
              request(current, new Request(current, current.isActive(), current.isActive()
                  ? contentNow(current) : new PresenceContent(EMPTY_CHANGE), false), false));
        }
      });
    });
  }

  private Content contentNow(Subscription subscription) {
    return isWatcherInfo(subscription)
        ? WatcherInfoContent.FULL : new PresenceContent(change(subscription.presentity(), subscription.event()));
  }

  private Notification notification(Ticket ticket) {
    Request request = ticket.request();
    Subscription subscription = request.subscription();
    return new Notification(
        subscription.key(),
        subscription.presentity(),
        subscription.watcher(),
        subscription.dialog(),
        ticket.cseq(),
        subscription.state(),
        subscription.terminationReason(),
        subscription.remainingSeconds(clock),
        request.withState() ? body(request.content(), subscription, ticket.version()) : Optional.empty(),
        subscription.rate());
  }

  private Optional<NotifyBody> body(Content content, Subscription subscription, long version) {
    if (content instanceof WatcherInfoContent winfo) {
      // RFC 3858 section 4.1: every subscription starts with (and each refresh repeats) the full state.
      WatcherList list = winfo.partial().orElseGet(
          () -> watchers.full(subscription.presentity(), offlineWatchers.deliverTo(subscription)));
      return Optional.of(watcherInfo.write(list, version, winfo.partial().isEmpty()));
    }
    PresentityChange change = ((PresenceContent) content).change();
    BodyKey key = new BodyKey(subscription.contentType(), viewOf(subscription.watcher(), subscription.presentity()));
    return change.body(key, documents -> presenceBody(subscription.presentity(), key, documents));
  }

  private static boolean isWatcherInfo(Subscription subscription) {
    return EventPackage.PRESENCE_WINFO.name().equalsIgnoreCase(subscription.event());
  }

  /**
   * Tells the presentity's active winfo watchers of a change of one of its presence watchers
   * (RFC 3857 section 3.4), in a partial document.
   */
  private void notifyWatcherInfo(Subscription presenceSubscription) {
    Optional<WatcherList> change = watchers.presenceNotified(presenceSubscription);
    if (change.isEmpty()) {
      return;
    }
    boolean told = tellWatcherInfoWatchers(presenceSubscription.presentity(), change.get());
    if (presenceSubscription.state() == SubscriptionState.PENDING
        && change.get().watchers().get(0).event().equals("subscribe")) {
      offlineWatchers.newPendingWatcher(presenceSubscription, told);
    }
  }

  /** Sends the partial document to the presentity's active winfo watchers; whether there was one. */
  private boolean tellWatcherInfoWatchers(Aor presentity, WatcherList change) {
    boolean told = false;
    WatcherInfoContent content = new WatcherInfoContent(Optional.of(change));
    for (Subscription winfo : subscriptions.findByPresentity(presentity, EventPackage.PRESENCE_WINFO.name())) {
      if (winfo.isActive()) {
        request(winfo, new Request(winfo, true, content, false), false);
        told = true;
      }
    }
    return told;
  }

  /**
   * Cluster mode: the full watcher list of a presentity is composed from the shared table (every
   * node's presence subscriptions), so it is the same whichever node's winfo dialog sends it.
   */
  public void readWatchersFrom(Function<Aor, List<Subscription>> stored) {
    watchers.readWatchersFrom(stored);
  }

  /**
   * Cluster mode: another node stored a change of one of the presentity's presence watchers (RFC 3857
   * section 3.4); this node's winfo watchers of the presentity get the partial document, as they do
   * for its own watchers. Offline watcher information is the owning node's business.
   *
   * @param stored the subscription as the table holds it now, empty when it was removed
   * @param endEvent the event that ended it, for a removal
   */
  public void watcherChangedElsewhere(Aor presentity, SubscriptionKey key, Optional<Subscription> stored, String endEvent) {
    watchers.elsewhere(key, stored, endEvent).ifPresent(change -> tellWatcherInfoWatchers(presentity, change));
  }

  /**
   * Adds an in-process observer of presentities. It is registered after construction because
   * observers compose documents through this service ({@link #presenceDocument}).
   */
  public void observe(PresentityObserver observer) {
    observers.add(observer);
  }

  /**
   * The presentity's composed presence document (PIDF) as {@code watcher} sees it: the view its
   * rules give it (RFC 5025 section 3.3), or the neutral document of a presentity without state
   * when they do not allow it (polite-block); empty with {@code notify_offline_body=0} and nothing
   * to compose. The same body a SIP watcher with these rules gets.
   */
  public Optional<NotifyBody> presenceDocument(Aor presentity, Aor watcher) {
    BodyKey key = new BodyKey(EventPackage.PIDF, viewOf(watcher, presentity));
    return presenceBody(presentity, key, key.view().isPresent() ? documents(presentity, EventPackage.PRESENCE.name()) : List.of());
  }

  /**
   * The presentity's authorization rules were applied again (its SIP subscriptions were
   * re-evaluated by the caller, in the presentity's turn): in-process observers do the same.
   */
  public void rulesChanged(Aor presentity) {
    tellObservers(presentity);
  }

  private void tellObservers(Aor presentity) {
    for (PresentityObserver observer : observers) {
      observer.presentityChanged(presentity);
    }
  }

  /**
   * The presentity's composed presence state as PIDF, as a watcher allowed to see everything gets
   * it (for management views): static presence, publications, registrations, without
   * transformations; empty only when there is nothing to compose and {@code notify_offline_body=0}.
   */
  public Optional<NotifyBody> composedPresence(Aor presentity) {
    return presenceBody(presentity, new BodyKey(EventPackage.PIDF, Optional.of(Transformations.ALL)),
        documents(presentity, EventPackage.PRESENCE.name()));
  }

  /**
   * What the watcher may see now: empty when its policy does not say {@code allow} (polite-block,
   * rules withdrawn or not known), else the transformations of its matching rules.
   */
  private Optional<Transformations> viewOf(Aor watcher, Aor presentity) {
    Decision decision = authorization.evaluate(watcher, presentity);
    return decision.subHandling() == SubHandling.ALLOW ? Optional.of(decision.transformations()) : Optional.empty();
  }

  /**
   * The body a watcher gets. One not allowed (now) sees the presentity as if it had published
   * nothing. With nothing to compose, the watcher gets a "closed" document, or, with
   * {@code notify_offline_body=0} (OpenSIPS' parameter of that name), a NOTIFY without body.
   *
   * @param documents the documents the watcher's view shows (none when the state is withheld)
   */
  private Optional<NotifyBody> presenceBody(Aor presentity, BodyKey key, List<PresenceDocument> documents) {
    List<PresenceDocument> shown = key.view().isEmpty() ? List.of() : documents;
    if (shown.isEmpty() && !offlineBody) {
      return Optional.empty();
    }
    return Optional.of(codec.compose(presentity, shown, key.contentType(), key.view().orElse(Transformations.ALL)));
  }

  /** The presentity's state now, to be composed for its watchers. */
  private PresentityChange change(Aor presentity, String event) {
    return new PresentityChange(documents(presentity, event));
  }

  private static final PresentityChange EMPTY_CHANGE = new PresentityChange(List.of());

  /** Static presence (RFC 4827) first, then publications and registrations. */
  private List<PresenceDocument> documents(Aor presentity, String event) {
    List<PresenceDocument> documents = new ArrayList<>();
    if (EventPackage.PRESENCE.name().equalsIgnoreCase(event)) {
      staticPresence.apply(presentity).ifPresent(documents::add);
    }
    documents.addAll(state.documents(presentity, event));
    return documents;
  }
}
