package org.presenceagent.infrastructure.cluster;

import java.util.List;
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

  OwnedDialogs(NodeState node) {
    this.node = node;
  }

  @Override
  public void takenOver(NodeFence owner, List<String> subscriptionIds) {
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

  @Override
  public void lost(NodeFence lost) {
    List<Subscription> evicted = node.subscriptions().evictAll();
    for (Subscription subscription : evicted) {
      node.subscriptionTimers().cancel(subscription);
      node.notifier().forget(subscription.key());
    }
    LOG.warn("lease of {} lost: stopped acting for its {} subscriptions; a peer continues them", lost, evicted.size());
  }
}
