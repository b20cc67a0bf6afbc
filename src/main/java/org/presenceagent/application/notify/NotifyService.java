package org.presenceagent.application.notify;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.presenceagent.application.port.DocumentCodec;
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
import org.presenceagent.domain.subscription.SubscriptionRepository;
import org.presenceagent.domain.subscription.SubscriptionState;
import org.presenceagent.domain.watcher.WatcherList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the NOTIFYs of the presence event package (RFC 3856 section 6.7): the state of one
 * subscription after it was created, refreshed or ended, and the new state of a presentity to all
 * its active watchers after a change. Callers hold the presentity's lock, so NOTIFYs of one
 * presentity leave in the order of the changes.
 *
 * <p>An active watcher gets the presentity's state only while its policy says {@code allow} when
 * the NOTIFY is built, and only what the transformations of its rules show (RFC 5025 section
 * 3.3). Otherwise it gets the document of a presentity without publications (one
 * closed tuple): that is what {@code polite-block} means (RFC 5025 section 3.2.1: the watcher
 * cannot tell it from a presentity that is offline), and it also fails closed while rules are not
 * known (an XCAP server that does not answer) or have just been withdrawn. The policy is asked at
 * each NOTIFY, so a change of rules changes what the watcher sees next.
 *
 * <p>{@code presence.winfo} subscriptions (RFC 3857) get the full watcher list of their
 * presentity when they are notified of their own state, and a partial one each time a presence
 * watcher of that presentity changes status.
 *
 * <p>Watchers in the same JVM (internal subscriptions) are {@link PresentityObserver}s told of the
 * same changes, and read the document they may see through {@link #presenceDocument}.
 */
public final class NotifyService {

  private static final Logger LOG = LoggerFactory.getLogger(NotifyService.class);

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
      SphereChanges sphereChanges) {
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
  }

  /**
   * Notifies one subscription of its current state.
   *
   * @param withState whether the watcher is authorized to see the presentity's state (a pending
   *     subscription, or one that ends before it was ever authorized, gets no body)
   */
  public void notifySubscription(Subscription subscription, boolean withState) {
    Optional<NotifyBody> body = withState ? documentFor(subscription) : Optional.empty();
    send(subscription, body);
  }

  private Optional<NotifyBody> documentFor(Subscription subscription) {
    if (isWatcherInfo(subscription)) {
      // RFC 3858 section 4.1: every subscription starts with (and each refresh repeats) the full state.
      WatcherList full = watchers.full(subscription.presentity(), offlineWatchers.deliverTo(subscription));
      return Optional.of(watcherInfo.write(full, subscription.version(), true));
    }
    return presenceBody(subscription.presentity(), subscription.event(),
        new BodyKey(subscription.contentType(), viewOf(subscription.watcher(), subscription.presentity())));
  }

  private static boolean isWatcherInfo(Subscription subscription) {
    return EventPackage.PRESENCE_WINFO.name().equalsIgnoreCase(subscription.event());
  }

  /**
   * Tells the presentity's active winfo watchers of a change of one of its presence watchers
   * (RFC 3857 section 3.4), in a partial document with the next version of each subscription.
   */
  private void notifyWatcherInfo(Subscription presenceSubscription) {
    Optional<WatcherList> change = watchers.presenceNotified(presenceSubscription);
    if (change.isEmpty()) {
      return;
    }
    boolean told = false;
    for (Subscription winfo : subscriptions.findByPresentity(presenceSubscription.presentity(),
        EventPackage.PRESENCE_WINFO.name())) {
      if (winfo.isActive()) {
        send(winfo, Optional.of(watcherInfo.write(change.get(), winfo.version(), false)));
        told = true;
      }
    }
    if (presenceSubscription.state() == SubscriptionState.PENDING
        && change.get().watchers().get(0).event().equals("subscribe")) {
      offlineWatchers.newPendingWatcher(presenceSubscription, told);
    }
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
    return presenceBody(presentity, EventPackage.PRESENCE.name(),
        new BodyKey(EventPackage.PIDF, viewOf(watcher, presentity)));
  }

  /**
   * The presentity's authorization rules were applied again (its SIP subscriptions were
   * re-evaluated by the caller, under the presentity's lock): in-process observers do the same.
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
   * Sends the presentity's new state to each of its active watchers. Each watcher gets the view its
   * rules give it (RFC 5025 section 3.3); watchers with the same view and format share one body, so
   * with {@code auth=none} or {@code implicit} the document is composed once per format, and the
   * publications are gathered once for all.
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
    Map<BodyKey, Optional<NotifyBody>> bodies = new HashMap<>();
    List<PresenceDocument> documents = null;
    for (Subscription subscription : watching) {
      if (subscription.isActive()) {
        BodyKey key = new BodyKey(subscription.contentType(), viewOf(subscription.watcher(), presentity));
        Optional<NotifyBody> body = bodies.get(key);
        if (body == null) {
          if (documents == null && key.view().isPresent()) {
            documents = documents(presentity, event);
          }
          body = presenceBody(presentity, key, documents);
          bodies.put(key, body);
        }
        send(subscription, body);
      }
    }
    if (EventPackage.PRESENCE.name().equalsIgnoreCase(event)) {
      tellObservers(presentity);
    }
  }

  /**
   * The presentity's composed presence state as PIDF, as a watcher allowed to see everything gets
   * it (for management views): static presence, publications, registrations, without
   * transformations; empty only when there is nothing to compose and {@code notify_offline_body=0}.
   */
  public Optional<NotifyBody> composedPresence(Aor presentity) {
    return presenceBody(presentity, EventPackage.PRESENCE.name(),
        new BodyKey(EventPackage.PIDF, Optional.of(Transformations.ALL)));
  }

  /** A body as a watcher sees it: its format and its view, empty when the state is withheld. */
  private record BodyKey(String contentType, Optional<Transformations> view) {}

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
   * The presentity's documents are gathered only for a view that shows them.
   */
  private Optional<NotifyBody> presenceBody(Aor presentity, String event, BodyKey key) {
    return presenceBody(presentity, key, key.view().isPresent() ? documents(presentity, event) : List.of());
  }

  /**
   * As {@link #presenceBody(Aor, String, BodyKey)}, with the documents gathered once for many watchers.
   *
   * @param documents the presentity's documents; not read (and may be null) when the state is withheld
   */
  private Optional<NotifyBody> presenceBody(Aor presentity, BodyKey key, List<PresenceDocument> documents) {
    List<PresenceDocument> shown = key.view().isEmpty() ? List.of() : documents;
    if (shown.isEmpty() && !offlineBody) {
      return Optional.empty();
    }
    return Optional.of(codec.compose(presentity, shown, key.contentType(), key.view().orElse(Transformations.ALL)));
  }

  /** Static presence (RFC 4827) first, then publications and registrations. */
  private List<PresenceDocument> documents(Aor presentity, String event) {
    List<PresenceDocument> documents = new ArrayList<>();
    if (EventPackage.PRESENCE.name().equalsIgnoreCase(event)) {
      staticPresence.apply(presentity).ifPresent(documents::add);
    }
    documents.addAll(state.documents(presentity, event));
    return documents;
  }

  private void send(Subscription subscription, Optional<NotifyBody> body) {
    Notification notification = new Notification(
        subscription.key(),
        subscription.presentity(),
        subscription.watcher(),
        subscription.dialog(),
        subscription.dialog().localCseq() + 1,
        subscription.state(),
        subscription.terminationReason(),
        subscription.remainingSeconds(clock),
        body);
    try {
      long cseq = sender.send(notification);
      subscription.notified(cseq);
      if (subscription.needsCseqReservation() && !subscription.isTerminated()) {
        subscription.reserveCseqs();
        subscriptions.save(subscription);
      }
      if (EventPackage.PRESENCE.name().equalsIgnoreCase(subscription.event())) {
        notifyWatcherInfo(subscription);
      }
    } catch (NotifyFailedException e) {
      // The dialog is gone: the watcher cannot be reached any more (RFC 6665 section 4.2.2).
      LOG.warn("NOTIFY for {} could not be sent, removing the subscription: {}", subscription.key(), e.getMessage());
      subscriptions.remove(subscription.key());
    }
  }
}
