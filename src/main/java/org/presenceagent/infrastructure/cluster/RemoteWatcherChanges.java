package org.presenceagent.infrastructure.cluster;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.presenceagent.domain.event.EventPackage;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.domain.subscription.SubscriptionKey;
import org.presenceagent.domain.subscription.TerminationReason;
import org.presenceagent.infrastructure.persistence.SubscriptionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies another node's change of a presence watcher (a change-log row naming a subscription,
 * docs/scale-out.md, "Watcher information across nodes"): when this node holds winfo dialogs of the
 * presentity, it reads the subscription from the shared table in the presentity's turn and its winfo
 * watchers get the partial document (RFC 3857 section 3.4, RFC 3858 section 4.4) with their dialogs'
 * versions, as for a watcher of its own. Without such dialogs it reads nothing.
 */
final class RemoteWatcherChanges {

  private static final Logger LOG = LoggerFactory.getLogger(RemoteWatcherChanges.class);

  private final NodeState node;
  private final SubscriptionStore table;
  private final Executor reader;

  RemoteWatcherChanges(NodeState node, SubscriptionStore table, Executor reader) {
    this.node = node;
    this.table = table;
    this.reader = reader;
  }

  void accept(PresentityChangeRecord change, String subscriptionId) {
    Aor presentity = change.presentity();
    SubscriptionKey key = SubscriptionKey.parse(subscriptionId);
    String endEvent = change.endEvent().orElse(TerminationReason.TIMEOUT.token());
    if (!hasWatcherInfoDialogs(presentity)) {
      // Nobody here to tell; what this node last reported of another node's watcher is stale now.
      if (node.subscriptions().find(key).isEmpty()) {
        node.notifier().forget(key);
      }
      return;
    }
    node.sequencer().submit(presentity, () -> CompletableFuture
            .supplyAsync(() -> stored(subscriptionId), reader)
            .thenAccept(stored -> node.notifier().watcherChangedElsewhere(presentity, key, stored, endEvent)))
        .exceptionally(failure -> {
          // The next full document (a refresh of the winfo subscription) is read from the table again.
          LOG.warn("could not apply watcher change {} of {} from node {}: {}", change.seq(), presentity,
              change.nodeId(), failure.toString());
          return null;
        });
  }

  private boolean hasWatcherInfoDialogs(Aor presentity) {
    return !node.subscriptions().findByPresentity(presentity, EventPackage.PRESENCE_WINFO.name()).isEmpty();
  }

  private Optional<Subscription> stored(String subscriptionId) {
    List<Subscription> rows = table.load(List.of(subscriptionId));
    return rows.stream().findFirst();
  }
}
