package org.presenceagent.infrastructure.cluster;

import static org.presenceagent.infrastructure.cluster.PostgresTime.NOW_MILLIS;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The node registry (table {@code cluster_node}): joining with a new generation, renewing the lease,
 * leaving, and the list of nodes for the console. Lease times are the database's ({@link PostgresTime}).
 */
public final class ClusterNodes {

  private static final String JOIN = "INSERT INTO cluster_node (node_id, generation, lease_until, joined_at, renewed_at)"
      + " VALUES (?, 1, " + NOW_MILLIS + " + ?, " + NOW_MILLIS + ", " + NOW_MILLIS + ")"
      + " ON CONFLICT (node_id) DO UPDATE SET generation = cluster_node.generation + 1,"
      + " lease_until = EXCLUDED.lease_until, joined_at = EXCLUDED.joined_at, renewed_at = EXCLUDED.renewed_at"
      // A live holder keeps the name: a second process with the same node_id cannot join.
      + " WHERE cluster_node.lease_until <= " + NOW_MILLIS
      + " RETURNING generation";
  // Only the same incarnation, and only before its lease lapsed: a lapsed lease may already have
  // been acted on by a peer (takeover), so it can never be revived, only replaced by a new join.
  // renewed_at is for the operator's view only (docs/scale-out.md, "Where to see the cluster").
  private static final String RENEW = "UPDATE cluster_node SET lease_until = " + NOW_MILLIS + " + ?,"
      + " renewed_at = " + NOW_MILLIS
      + " WHERE node_id = ? AND generation = ? AND lease_until > " + NOW_MILLIS;
  private static final String LEAVE = "UPDATE cluster_node SET lease_until = " + NOW_MILLIS
      + " WHERE node_id = ? AND generation = ? AND lease_until > " + NOW_MILLIS;
  private static final String LIST = "SELECT node_id, generation, lease_until - " + NOW_MILLIS + ", joined_at"
      + " FROM cluster_node ORDER BY node_id";

  /**
   * A node as the registry sees it.
   *
   * @param leaseLeftMillis how long its lease still runs by the database's clock; zero or less: lapsed
   */
  public record NodeView(String nodeId, long generation, long leaseLeftMillis, long joinedAtMillis) {
    public boolean alive() {
      return leaseLeftMillis > 0;
    }
  }

  private final ClusterSql sql;

  public ClusterNodes(DataSource dataSource) {
    this.sql = new ClusterSql(dataSource);
  }

  /**
   * Joins the cluster as {@code nodeId} with a new generation and a lease of {@code lease}.
   *
   * @throws NodeIdInUseException while another incarnation of the name holds a valid lease
   */
  public NodeFence join(String nodeId, Duration lease) {
    NodeFence.requireValidNodeId(nodeId);
    Optional<Long> generation = sql.rows(JOIN, statement -> {
      statement.setString(1, nodeId);
      statement.setLong(2, lease.toMillis());
    }, row -> row.getLong(1)).stream().findFirst();
    return new NodeFence(nodeId, generation.orElseThrow(() -> new NodeIdInUseException(nodeId)));
  }

  /**
   * Extends the incarnation's lease to {@code lease} from now (database time).
   *
   * @return false when the lease had lapsed or the name has a newer generation: this incarnation is
   *     over and must not act for any dialog
   */
  public boolean renew(NodeFence fence, Duration lease) {
    return sql.update(RENEW, statement -> {
      statement.setLong(1, lease.toMillis());
      statement.setString(2, fence.nodeId());
      statement.setLong(3, fence.generation());
    }) == 1;
  }

  /** Ends the lease now (a clean stop), so that peers take the node's dialogs over at once. */
  public void leave(NodeFence fence) {
    sql.update(LEAVE, statement -> {
      statement.setString(1, fence.nodeId());
      statement.setLong(2, fence.generation());
    });
  }

  /** Every node that ever joined, alive or not, by name. */
  public List<NodeView> nodes() {
    return sql.rows(LIST, statement -> { }, row -> new NodeView(row.getString(1), row.getLong(2), row.getLong(3), row.getLong(4)));
  }
}
