package org.presenceagent.infrastructure.cluster;

import java.util.List;

/**
 * One consistent read of the cluster's tables for the operator's view ({@link RegistryReader}):
 * times are epoch milliseconds of the database's clock.
 *
 * @param databaseMillis the database's clock at the read: a node is alive while its lease ends after it
 * @param nodes the registry, by name
 * @param subscriptions every stored subscription
 * @param changeLogHead the highest sequence number in the change log (0 when it is empty)
 */
record RegistrySnapshot(long databaseMillis, List<NodeRow> nodes, long subscriptions, long changeLogHead) {

  RegistrySnapshot {
    nodes = List.copyOf(nodes);
  }

  /**
   * A row of {@code cluster_node} with the number of subscriptions its current generation owns.
   *
   * @param renewedAt the last renewal, or the join for a row written before renewals were recorded
   */
  record NodeRow(String nodeId, long generation, long joinedAt, long renewedAt, long leaseUntil, long owned) {}
}
