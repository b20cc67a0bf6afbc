package org.presenceagent.infrastructure.cluster;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.presenceagent.application.port.OrphanedDialogs;
import org.presenceagent.domain.subscription.SubscriptionKey;

/**
 * Takeover on request (docs/scale-out.md, "Ownership of subscriptions"): an in-dialog SUBSCRIBE that
 * reached this node for a dialog it does not hold takes the dialog over at once when its owner's
 * lease has lapsed, rather than waiting for the next takeover round, so the watcher's refresh or
 * un-SUBSCRIBE is served here in the same dialog. The statements run on the cluster's statement
 * threads, never on the SIP thread.
 */
final class DialogAdoption implements OrphanedDialogs {

  private final SubscriptionOwners owners;
  private final Supplier<Optional<NodeFence>> fence;
  private final Executor statements;
  private final Duration lease;
  private final AtomicLong ownerAlive = new AtomicLong();
  private final AtomicLong adopted = new AtomicLong();
  /** Set once the node's state exists (start-up); until then no dialog can be loaded. */
  private volatile OwnedDialogs owned;

  DialogAdoption(SubscriptionOwners owners, Supplier<Optional<NodeFence>> fence, Executor statements, Duration lease) {
    this.owners = owners;
    this.fence = fence;
    this.statements = statements;
    this.lease = lease;
  }

  void loadInto(OwnedDialogs dialogs) {
    this.owned = dialogs;
  }

  @Override
  public CompletionStage<Outcome> takeOverIfOrphaned(SubscriptionKey key) {
    return CompletableFuture.supplyAsync(() -> decide(key.asText()), statements);
  }

  private Outcome decide(String subscriptionId) {
    OwnedDialogs dialogs = owned;
    Optional<NodeFence> me = fence.get();
    if (dialogs != null && me.isPresent() && owners.takeOverIfOrphaned(me.get(), subscriptionId)) {
      if (dialogs.adoptOne(me.get(), subscriptionId)) {
        adopted.incrementAndGet();
        return Outcome.ADOPTED;
      }
      // Our lease was lost between the statement and the load: whoever holds a lease continues it.
      return Outcome.OWNER_ALIVE;
    }
    // The row exists with a live owner (possibly this very node, whose batch takeover has not
    // loaded it yet), or this node holds no lease to take it with: a retry will find it served.
    return owners.owner(subscriptionId).isPresent() ? Outcome.OWNER_ALIVE : Outcome.UNKNOWN;
  }

  /** One lease: by then the owner has renewed (the balancer should route there) or lost it (we take over). */
  @Override
  public Duration retryAfter() {
    return lease;
  }

  @Override
  public void ownerAlive() {
    ownerAlive.incrementAndGet();
  }

  long ownerAliveRefusals() {
    return ownerAlive.get();
  }

  long dialogsAdopted() {
    return adopted.get();
  }
}
