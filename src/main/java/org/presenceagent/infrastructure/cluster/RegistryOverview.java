package org.presenceagent.infrastructure.cluster;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.presenceagent.application.port.ClusterOverview;
import org.presenceagent.application.port.ClusterUnavailableException;
import org.presenceagent.application.port.ClusterView;

/**
 * {@code cluster=1}: the operator's view of the cluster, the registry and owners as one read of the
 * shared database finds them ({@link RegistryReader}) next to this node's own figures from memory
 * ({@link ClusterStatus}: lease, change-log position, counters). Read only when an operator asks.
 */
final class RegistryOverview implements ClusterOverview {

  private final String nodeId;
  private final Supplier<RegistrySnapshot> registry;
  private final ClusterStatus status;

  RegistryOverview(String nodeId, Supplier<RegistrySnapshot> registry, ClusterStatus status) {
    this.nodeId = nodeId;
    this.registry = registry;
    this.status = status;
  }

  @Override
  public boolean clustered() {
    return true;
  }

  @Override
  public ClusterView read() {
    RegistrySnapshot snapshot;
    try {
      snapshot = registry.get();
    } catch (ClusterDatabaseException e) {
      throw new ClusterUnavailableException("the cluster's registry cannot be read from the shared database: "
          + e.getMessage(), e);
    }
    return view(nodeId, snapshot, status);
  }

  /**
   * The view of one read. Orphans are the subscriptions no live generation owns: those of lapsed
   * nodes, of a node's older generation, and those without an owner, as the takeover counts them.
   * The log's head is never shown below this node's position: rows at or below it may have been
   * trimmed, and a position above the head read a moment earlier only means the node is caught up.
   */
  static ClusterView view(String nodeId, RegistrySnapshot snapshot, ClusterStatus status) {
    long now = snapshot.databaseMillis();
    List<ClusterView.Member> nodes = snapshot.nodes().stream().map(row -> new ClusterView.Member(row.nodeId(),
        row.generation(), row.nodeId().equals(nodeId), Instant.ofEpochMilli(row.joinedAt()),
        Instant.ofEpochMilli(row.renewedAt()), Instant.ofEpochMilli(row.leaseUntil()), row.leaseUntil() - now,
        row.owned())).toList();
    long ownedByLiveNodes = nodes.stream().filter(ClusterView.Member::alive)
        .mapToLong(ClusterView.Member::subscriptionsOwned).sum();
    long position = status.changeLogPosition();
    ClusterView.ChangeFeedLag lag = new ClusterView.ChangeFeedLag(position, Math.max(position, snapshot.changeLogHead()),
        status.millisSinceLastRead(), status.changesApplied());
    return new ClusterView(true, nodeId, Instant.ofEpochMilli(now), status.leaseHeld(), status.generation(), nodes,
        snapshot.subscriptions(), Math.max(0, snapshot.subscriptions() - ownedByLiveNodes), lag,
        status.ownerAliveRefusals(), status.dialogsAdopted());
  }
}
