package org.presenceagent.application.notify;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.presenceagent.application.port.DocumentCodec;
import org.presenceagent.application.port.Notification;
import org.presenceagent.application.port.NotifyBody;
import org.presenceagent.application.port.NotifyFailedException;
import org.presenceagent.application.port.NotifySender;
import org.presenceagent.domain.presentity.PublicationRepository;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.domain.subscription.SubscriptionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the NOTIFYs of the presence event package (RFC 3856 section 6.7): the state of one
 * subscription after it was created, refreshed or ended, and the new state of a presentity to all
 * its active watchers after a change. Callers hold the presentity's lock, so NOTIFYs of one
 * presentity leave in the order of the changes.
 */
public final class NotifyService {

  private static final Logger LOG = LoggerFactory.getLogger(NotifyService.class);

  private final PresentityState state;
  private final SubscriptionRepository subscriptions;
  private final DocumentCodec codec;
  private final NotifySender sender;
  private final Clock clock;

  /** Presence from publications only. */
  public NotifyService(
      PublicationRepository publications,
      SubscriptionRepository subscriptions,
      DocumentCodec codec,
      NotifySender sender,
      Clock clock) {
    this(PresentityState.publicationsOnly(publications, codec, clock), subscriptions, codec, sender, clock);
  }

  public NotifyService(
      PresentityState state,
      SubscriptionRepository subscriptions,
      DocumentCodec codec,
      NotifySender sender,
      Clock clock) {
    this.state = state;
    this.subscriptions = subscriptions;
    this.codec = codec;
    this.sender = sender;
    this.clock = clock;
  }

  /**
   * Notifies one subscription of its current state.
   *
   * @param withState whether the watcher is authorized to see the presentity's state (a pending
   *     subscription, or one that ends before it was ever authorized, gets no body)
   */
  public void notifySubscription(Subscription subscription, boolean withState) {
    Optional<NotifyBody> body = withState
        ? Optional.of(currentDocument(subscription.presentity(), subscription.event(), subscription.contentType()))
        : Optional.empty();
    send(subscription, body);
  }

  /** Sends the presentity's new state to each of its active watchers. */
  public void notifyWatchers(Aor presentity, String event) {
    Map<String, NotifyBody> bodiesByType = new HashMap<>(); // composed once per change and type
    for (Subscription subscription : subscriptions.findByPresentity(presentity, event)) {
      if (subscription.isActive()) {
        NotifyBody body = bodiesByType.computeIfAbsent(
            subscription.contentType(), type -> currentDocument(presentity, event, type));
        send(subscription, Optional.of(body));
      }
    }
  }

  /** The presentity's composed document in the given type. */
  public NotifyBody currentDocument(Aor presentity, String event, String contentType) {
    return codec.compose(presentity, state.documents(presentity, event), contentType);
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
    } catch (NotifyFailedException e) {
      // The dialog is gone: the watcher cannot be reached any more (RFC 6665 section 4.2.2).
      LOG.warn("NOTIFY for {} could not be sent, removing the subscription: {}", subscription.key(), e.getMessage());
      subscriptions.remove(subscription.key());
    }
  }
}
