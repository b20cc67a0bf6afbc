package org.presenceagent.infrastructure.cluster;

import java.util.Optional;
import org.presenceagent.application.notify.NotifyService;
import org.presenceagent.application.port.ClusterOverview;
import org.presenceagent.application.port.NotifySender;
import org.presenceagent.application.port.OrphanedDialogs;
import org.presenceagent.infrastructure.config.PresenceSettings;
import org.presenceagent.infrastructure.persistence.BindingStore;
import org.presenceagent.infrastructure.persistence.PresentityChangeWrites;
import org.presenceagent.infrastructure.persistence.SubscriptionStore;
import org.presenceagent.infrastructure.persistence.WatcherChangeWrites;

/**
 * What the composition root asks of scale-out, the same calls for a single node and for a cluster,
 * so that start-up has no branch of its own: a single node gets the parts unchanged (no extra write,
 * thread or statement); a node with {@code cluster=1} gets them wrapped by its membership
 * (docs/scale-out.md).
 *
 * <p>Two steps, because the parts are needed before the services exist and the membership needs
 * the services: the decorators while the graph is built, then {@link #start} once it is complete
 * (joining may take over subscriptions at once, which must find every service ready).
 */
public interface ClusterMode extends AutoCloseable {

  /** What each stored publication or binding change also writes in its transaction. */
  PresentityChangeWrites changeWrites();

  /** What a change of a presence subscription's state also writes in its transaction (cluster: a row for other nodes' winfo watchers). */
  WatcherChangeWrites watcherChangeWrites();

  /** The subscription store as this node uses it (cluster: new rows are claimed, only owned rows loaded). */
  SubscriptionStore subscriptionStore(SubscriptionStore stored);

  /** The binding store as this node uses it (cluster: a binding is deleted only as this node saw it). */
  BindingStore bindingStore(BindingStore stored);

  /** The NOTIFY sender as this node uses it (cluster: nothing goes out without a valid lease). */
  NotifySender notifySender(NotifySender sender);

  /** How CSeq blocks are reserved (cluster: under the owner's fence first). */
  NotifyService.CseqReservations cseqReservations(NotifyService.CseqReservations reservations);

  /** Who else may hold a dialog an in-dialog SUBSCRIBE names (a single node: nobody). */
  OrphanedDialogs orphanedDialogs();

  /** What the node tells its operator; empty for a single node. */
  Optional<ClusterStatus> status();

  /**
   * The operator's view of the cluster for the consoles (a single node: "single node", no query; a
   * cluster: the registry and owners read from the database each time it is asked).
   */
  ClusterOverview overview();

  /** Joins the cluster and follows the other nodes' changes (a single node: nothing). */
  void start(NodeState state);

  /** Leaves the cluster (peers take this node's dialogs over at once); a second call does nothing. */
  @Override
  void close();

  /** The mode the settings ask for; a cluster node's pool is opened here (a database it cannot reach fails the start). */
  static ClusterMode of(PresenceSettings settings) {
    return settings.cluster().enabled() ? SharedDatabaseCluster.prepare(settings) : SingleNode.INSTANCE;
  }
}
