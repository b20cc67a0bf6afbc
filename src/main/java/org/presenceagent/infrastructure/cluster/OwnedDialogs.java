package org.presenceagent.infrastructure.cluster;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.concurrent.CompletableFuture;
import org.presenceagent.domain.subscription.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's in-memory subscriptions equal to the ones it owns (docs/scale-out.md, "What
 * each node keeps in memory"): subscriptions it took over are loaded, timed and sent the current
 * state in their dialogs (the watcher may have missed a change while the owner was dead); when its
 * lease is lost, every subscription is forgotten here, without touching the rows, which belong to
 * whoever takes them over.
 */
final class OwnedDialogs implements ClusterListener {

  private static final Logger LOG = LoggerFactory.getLogger(OwnedDialogs.class);

  private final NodeState node;
  private final Supplier<Optional<NodeFence>> fence;
  private final Executor loader;
  private final Runnable afterLoss;

  /**
   * @param loader loads the rows of taken-over dialogs: not the membership's thread, whose lease
   *     renewals must not wait for that
   * @param afterLoss run on the loader once the dialogs of a lost lease are forgotten (the node was
   *     paused or cut off: it reads the shared state again)
   */
  OwnedDialogs(NodeState node, Supplier<Optional<NodeFence>> fence, Executor loader, Runnable afterLoss) {
    this.node = node;
    this.fence = fence;
    this.loader = loader;
    this.afterLoss = afterLoss;
  }

  @Override
  public void takenOver(NodeFence owner, List<String> subscriptionIds) {
    loader.execute(() -> adopt(owner, subscriptionIds));
  }

  /**
   * At once, on the membership's thread, before it joins again: a new generation's fence must not
   * let the lost generation's dialogs send.
   */
  @Override
  public void lost(NodeFence lost) {
    evict(lost);
    loader.execute(afterLoss);
  }

  /** Under the lock shared with {@link #evict}: a load the lease's loss overtook adds nothing. */
  private synchronized void adopt(NodeFence owner, List<String> subscriptionIds) {
    if (!fence.get().equals(Optional.of(owner))) {
      LOG.info("{} subscriptions taken over as {} are not loaded: that lease is over", subscriptionIds.size(), owner);
      return;
    }
    List<Subscription> adopted = node.subscriptions().adopt(subscriptionIds);
    LOG.info("continuing {} subscriptions taken over as {}", adopted.size(), owner);
    for (Subscription subscription : adopted) {
      // An expired one gets its final NOTIFY from the timer at once.
      node.subscriptionTimers().schedule(subscription);
      node.sequencer().submit(subscription.presentity(), () -> {
        if (!subscription.isTerminated()) {
          node.notifier().notifySubscription(subscription, subscription.isActive());
        }
        return CompletableFuture.completedFuture(null);
      });
    }
  }

  /**
   * Loads one dialog that an in-dialog request made this node take over ({@link DialogAdoption}) and
   * times it; the request's own answer and NOTIFY follow in the presentity's turn, so no extra NOTIFY
   * is sent from here.
   *
   * @return false when {@code owner}'s lease is over (nothing is loaded) or the row is gone
   */
  synchronized boolean adoptOne(NodeFence owner, String subscriptionId) {
    if (!fence.get().equals(Optional.of(owner))) {
      return false;
    }
    List<Subscription> adopted = node.subscriptions().adopt(List.of(subscriptionId));
    adopted.forEach(node.subscriptionTimers()::schedule);
    LOG.info("continuing subscription {} taken over as {} for a request in its dialog", subscriptionId, owner);
    return !adopted.isEmpty();
  }

  private synchronized void evict(NodeFence lost) {
    List<Subscription> evicted = node.subscriptions().evictAll();
    for (Subscription subscription : evicted) {
      node.subscriptionTimers().cancel(subscription);
      node.notifier().forget(subscription.key());
    }
    LOG.warn("lease of {} lost: stopped acting for its {} subscriptions; a peer continues them", lost, evicted.size());
  }
}
