package org.presenceagent.application.expiry;

import java.time.Clock;
import org.presenceagent.application.PresentityLocks;
import org.presenceagent.application.notify.NotifyService;
import org.presenceagent.domain.presentity.Publication;
import org.presenceagent.domain.presentity.PublicationRepository;
import org.presenceagent.domain.shared.ETag;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.domain.subscription.SubscriptionKey;
import org.presenceagent.domain.subscription.SubscriptionRepository;
import org.presenceagent.domain.subscription.TerminationReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when time runs out. Each handler checks again under the presentity's lock whether
 * the item really expired, since a refresh may have moved its expiry after the timer was taken.
 */
public final class ExpiryService {

  private static final Logger LOG = LoggerFactory.getLogger(ExpiryService.class);

  private final SubscriptionRepository subscriptions;
  private final PublicationRepository publications;
  private final NotifyService notifier;
  private final PresentityLocks locks;
  private final Clock clock;

  public ExpiryService(
      SubscriptionRepository subscriptions,
      PublicationRepository publications,
      NotifyService notifier,
      PresentityLocks locks,
      Clock clock) {
    this.subscriptions = subscriptions;
    this.publications = publications;
    this.notifier = notifier;
    this.locks = locks;
    this.clock = clock;
  }

  /**
   * Ends an expired subscription with a final {@code terminated;reason=timeout} NOTIFY
   * (RFC 6665 section 4.2.2).
   *
   * @return whether it had expired
   */
  public boolean expireSubscription(SubscriptionKey key) {
    return subscriptions.find(key)
        .map(found -> locks.withLock(found.presentity(), () -> expireLocked(key)))
        .orElse(false);
  }

  private boolean expireLocked(SubscriptionKey key) {
    Subscription subscription = subscriptions.find(key).orElse(null);
    if (subscription == null || !subscription.isExpired(clock)) {
      return false;
    }
    boolean authorized = subscription.isActive();
    subscription.terminate(TerminationReason.TIMEOUT);
    subscriptions.remove(key);
    LOG.debug("subscription {} expired", key);
    notifier.notifySubscription(subscription, authorized);
    return true;
  }

  /**
   * Removes an expired publication and tells the presentity's watchers at once (RFC 3903
   * section 6: expired state is no longer part of the composed state).
   *
   * @return whether it had expired
   */
  public boolean expirePublication(ETag etag) {
    return publications.find(etag)
        .map(found -> locks.withLock(found.presentity(), () -> expirePublicationLocked(etag)))
        .orElse(false);
  }

  private boolean expirePublicationLocked(ETag etag) {
    Publication publication = publications.find(etag).orElse(null);
    if (publication == null || !publication.isExpired(clock)) {
      return false;
    }
    publications.remove(etag);
    LOG.debug("publication {} of {} expired", etag, publication.presentity());
    notifier.notifyWatchers(publication.presentity(), publication.event());
    return true;
  }
}
