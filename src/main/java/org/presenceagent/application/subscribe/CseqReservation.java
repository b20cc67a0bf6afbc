package org.presenceagent.application.subscribe;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.presenceagent.application.PresentitySequencer;
import org.presenceagent.application.notify.NotifyService;
import org.presenceagent.domain.shared.UnitOfWork;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.domain.subscription.SubscriptionKey;
import org.presenceagent.domain.subscription.SubscriptionRepository;

/**
 * Stores a dialog's next block of NOTIFY CSeqs and winfo versions (see
 * {@link Subscription#CSEQ_RESERVATION}) in the presentity's turn, so that after a restart the
 * dialog continues above everything it sent.
 */
public final class CseqReservation implements NotifyService.CseqReservations {

  private final SubscriptionRepository subscriptions;
  private final UnitOfWork.Factory units;
  private final PresentitySequencer sequencer;

  public CseqReservation(SubscriptionRepository subscriptions, UnitOfWork.Factory units, PresentitySequencer sequencer) {
    this.subscriptions = subscriptions;
    this.units = units;
    this.sequencer = sequencer;
  }

  @Override
  public CompletionStage<Optional<Subscription>> reserve(SubscriptionKey key, long lastCseq, long lastVersion) {
    return subscriptions.find(key).<CompletionStage<Optional<Subscription>>>map(found -> sequencer.submit(found.presentity(), () -> {
      Subscription current = subscriptions.find(key).orElse(null);
      if (current == null || current.isTerminated()) {
        return CompletableFuture.completedFuture(Optional.empty());
      }
      if (current.cseqCeiling() > lastCseq + Subscription.CSEQ_RESERVATION / 2
          && current.versionCeiling() > lastVersion + Subscription.CSEQ_RESERVATION / 2) {
        return CompletableFuture.completedFuture(Optional.of(current)); // reserved meanwhile
      }
      Subscription reserved = current.reservedAbove(lastCseq, lastVersion);
      UnitOfWork work = units.begin();
      subscriptions.save(work, reserved);
      return work.commit().thenApply(ignored -> Optional.of(reserved));
    })).orElseGet(() -> CompletableFuture.completedFuture(Optional.empty()));
  }
}
