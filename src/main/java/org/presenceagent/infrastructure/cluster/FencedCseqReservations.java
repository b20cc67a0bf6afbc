package org.presenceagent.infrastructure.cluster;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.presenceagent.application.notify.NotifyService;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.domain.subscription.SubscriptionKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dialog's next block of CSeqs, stored under the owner's fence first (docs/scale-out.md, "CSeq"):
 * the ceiling is raised in the row only while this incarnation owns it and holds its lease by the
 * database's clock, so whoever continues the dialog next starts above every CSeq sent here. Then the
 * ordinary reservation runs (it updates the in-memory subscription after its commit). Without the
 * fence, nothing is reserved and the dialog's NOTIFYs wait: the node no longer owns it.
 */
final class FencedCseqReservations implements NotifyService.CseqReservations {

  private static final Logger LOG = LoggerFactory.getLogger(FencedCseqReservations.class);

  private final NotifyService.CseqReservations reservations;
  private final SubscriptionOwners owners;
  private final Supplier<Optional<NodeFence>> fence;
  private final Executor statements;

  FencedCseqReservations(NotifyService.CseqReservations reservations, SubscriptionOwners owners,
      Supplier<Optional<NodeFence>> fence, Executor statements) {
    this.reservations = reservations;
    this.owners = owners;
    this.fence = fence;
    this.statements = statements;
  }

  @Override
  public CompletionStage<Optional<Subscription>> reserve(SubscriptionKey key, long lastCseq, long lastVersion) {
    Optional<NodeFence> owner = fence.get();
    if (owner.isEmpty()) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    // The same ceiling as Subscription.reservedAbove stores.
    long ceiling = lastCseq + Subscription.CSEQ_RESERVATION;
    return CompletableFuture.supplyAsync(() -> stillOwned(owner.get(), key, ceiling), statements)
        .thenCompose(owned -> owned
            ? reservations.reserve(key, lastCseq, lastVersion)
            : CompletableFuture.completedFuture(Optional.empty()));
  }

  private boolean stillOwned(NodeFence owner, SubscriptionKey key, long ceiling) {
    String id = key.asText();
    if (owners.reserveCseq(owner, id, ceiling)) {
      return true;
    }
    // No row changed: either the ceiling is already as high (reserved meanwhile) or this node lost the dialog.
    boolean owned = owners.owner(id).filter(owner::equals).isPresent() && fence.get().isPresent();
    if (!owned) {
      LOG.warn("{} is not owned by {} any more: its NOTIFYs stop here", id, owner);
    }
    return owned;
  }
}
