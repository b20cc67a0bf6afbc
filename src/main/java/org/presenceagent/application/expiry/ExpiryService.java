package org.presenceagent.application.expiry;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.presenceagent.application.Completion;
import org.presenceagent.application.PresentitySequencer;
import org.presenceagent.application.notify.NotifyService;
import org.presenceagent.domain.presentity.Publication;
import org.presenceagent.domain.presentity.PublicationRepository;
import org.presenceagent.domain.shared.ETag;
import org.presenceagent.domain.shared.UnitOfWork;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.domain.subscription.SubscriptionKey;
import org.presenceagent.domain.subscription.SubscriptionRepository;
import org.presenceagent.domain.subscription.TerminationReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when time runs out. Each handler checks again in the presentity's turn whether the
 * item really expired, since a refresh may have moved its expiry after the timer was taken; the
 * removal is stored before anyone is told. Timer threads only queue the step, they never wait.
 */
public final class ExpiryService {

  private static final Logger LOG = LoggerFactory.getLogger(ExpiryService.class);

  private final SubscriptionRepository subscriptions;
  private final PublicationRepository publications;
  private final UnitOfWork.Factory units;
  private final NotifyService notifier;
  private final PresentitySequencer sequencer;
  private final Clock clock;

  public ExpiryService(
      SubscriptionRepository subscriptions,
      PublicationRepository publications,
      UnitOfWork.Factory units,
      NotifyService notifier,
      PresentitySequencer sequencer,
      Clock clock) {
    this.subscriptions = subscriptions;
    this.publications = publications;
    this.units = units;
    this.notifier = notifier;
    this.sequencer = sequencer;
    this.clock = clock;
  }

  /**
   * Ends an expired subscription with a final {@code terminated;reason=timeout} NOTIFY
   * (RFC 6665 section 4.2.2).
   *
   * @return completes with whether it had expired
   */
  public CompletableFuture<Boolean> expireSubscription(SubscriptionKey key) {
    return subscriptions.find(key)
        .map(found -> sequencer.submit(found.presentity(), () -> expireInTurn(key)))
        .orElse(CompletableFuture.completedFuture(false));
  }

  private CompletionStage<Boolean> expireInTurn(SubscriptionKey key) {
    Subscription subscription = subscriptions.find(key).orElse(null);
    if (subscription == null || !subscription.isExpired(clock)) {
      return CompletableFuture.completedFuture(false);
    }
    boolean authorized = subscription.isActive();
    Subscription ended = subscription.terminated(TerminationReason.TIMEOUT);
    UnitOfWork work = units.begin();
    subscriptions.remove(work, key);
    return work.commit().thenApply(ignored -> {
      LOG.debug("subscription {} expired", key);
      notifier.notifySubscription(ended, authorized);
      return true;
    });
  }

  /**
   * Removes an expired publication and tells the presentity's watchers at once (RFC 3903
   * section 6: expired state is no longer part of the composed state).
   *
   * @return completes with whether it had expired
   */
  public CompletableFuture<Boolean> expirePublication(ETag etag) {
    return publications.find(etag)
        .map(found -> sequencer.submit(found.presentity(), () -> expirePublicationInTurn(etag)))
        .orElse(CompletableFuture.completedFuture(false));
  }

  private CompletionStage<Boolean> expirePublicationInTurn(ETag etag) {
    Publication publication = publications.find(etag).orElse(null);
    if (publication == null || !publication.isExpired(clock)) {
      return CompletableFuture.completedFuture(false);
    }
    UnitOfWork work = units.begin();
    publications.remove(work, etag);
    return work.commit().thenApply(ignored -> {
      LOG.debug("publication {} of {} expired", etag, publication.presentity());
      notifier.notifyWatchers(publication.presentity(), publication.event());
      return true;
    });
  }

  /** For callers that need the answer now (management, tests): waits for {@link #expireSubscription}. */
  public boolean expireSubscriptionNow(SubscriptionKey key) {
    return Completion.join(expireSubscription(key));
  }

  /** For callers that need the answer now (management, tests): waits for {@link #expirePublication}. */
  public boolean expirePublicationNow(ETag etag) {
    return Completion.join(expirePublication(etag));
  }
}
