package org.presenceagent.application.notify;

import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.presenceagent.application.PresentitySequencer;
import org.presenceagent.application.expiry.SubscriptionTimers;
import org.presenceagent.domain.shared.UnitOfWork;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.domain.subscription.SubscriptionKey;
import org.presenceagent.domain.subscription.SubscriptionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reacts to the final response of a NOTIFY (RFC 6665 section 4.2.2): the dialog's next NOTIFY may
 * go; a 481 or any other failure removes the subscription without a further NOTIFY; a 408
 * (timeout, also generated locally when the watcher does not answer) does so only unless the seed's
 * {@code ignore_408_on_notify} is set. A NOTIFY that could not be sent at all removes it too. The
 * presentity's winfo watchers hear of the removal (RFC 3857 section 3.4).
 */
public final class NotifyResponseService {

  private static final Logger LOG = LoggerFactory.getLogger(NotifyResponseService.class);

  private final SubscriptionRepository subscriptions;
  private final UnitOfWork.Factory units;
  private final SubscriptionTimers timers;
  private final PresentitySequencer sequencer;
  private final BooleanSupplier ignore408;
  private final NotifyService notifier;

  /**
   * @param ignore408 the seed's {@code ignore_408_on_notify}, asked at each answer (operators may
   *     change it while the server runs)
   * @param notifier sends the dialog's next NOTIFY, and forgets the dialogs of removed subscriptions
   */
  public NotifyResponseService(
      SubscriptionRepository subscriptions,
      UnitOfWork.Factory units,
      SubscriptionTimers timers,
      PresentitySequencer sequencer,
      BooleanSupplier ignore408,
      NotifyService notifier) {
    this.subscriptions = subscriptions;
    this.units = units;
    this.timers = timers;
    this.sequencer = sequencer;
    this.ignore408 = ignore408;
    this.notifier = notifier;
  }

  /**
   * Handles a NOTIFY's final response.
   *
   * @return completes with whether the subscription was removed because of it
   */
  public CompletableFuture<Boolean> onFinalResponse(SubscriptionKey key, int status) {
    if (status < 300 || (status == 408 && ignore408.getAsBoolean())) {
      notifier.notifyAnswered(key, status);
      return CompletableFuture.completedFuture(false);
    }
    return drop(key, "NOTIFY answered " + status);
  }

  /**
   * Removes a subscription whose watcher cannot be reached (its NOTIFY failed or could not be sent),
   * without a further NOTIFY.
   *
   * @return completes with whether there was one to remove
   */
  public CompletableFuture<Boolean> drop(SubscriptionKey key, String why) {
    return subscriptions.find(key)
        .map(found -> sequencer.submit(found.presentity(), () -> {
          Subscription current = subscriptions.find(key).orElse(null);
          if (current == null) {
            notifier.forget(key);
            return CompletableFuture.completedFuture(false);
          }
          UnitOfWork work = units.begin();
          subscriptions.remove(work, key);
          return work.commit().thenApply(ignored -> {
            LOG.info("{}, removing the subscription {}", why, key);
            timers.cancel(current);
            notifier.dropped(current);
            return true;
          });
        }))
        .orElseGet(() -> {
          notifier.forget(key);
          return CompletableFuture.completedFuture(false);
        });
  }
}
