package org.presenceagent.infrastructure.cluster;

import static org.presenceagent.infrastructure.cluster.PostgresTime.NOW_MILLIS;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Which node owns each subscription's dialog ({@code subscription.owner_node} and
 * {@code owner_generation}), changed and used only under a fence: a statement of this class changes
 * a row only while the acting incarnation holds its lease <em>by the database's clock</em>, whatever
 * the node believes (docs/scale-out.md, "Ownership of subscriptions").
 */
public final class SubscriptionOwners {

  /** The acting incarnation still holds its lease (parameters: node id, generation). */
  private static final String FENCE_HOLDS = "EXISTS (SELECT 1 FROM cluster_node f WHERE f.node_id = ?"
      + " AND f.generation = ? AND f.lease_until > " + NOW_MILLIS + ")";
  /**
   * Orphans: no owner (rows written before cluster mode) or an owner incarnation without a valid
   * lease. {@code SKIP LOCKED}: survivors taking over at the same time share the rows instead of
   * waiting for each other, and each row goes to one of them.
   */
  private static final String TAKE_OVER = "UPDATE subscription SET owner_node = ?, owner_generation = ?"
      + " WHERE id IN (SELECT s.id FROM subscription s WHERE s.owner_node IS NULL OR NOT EXISTS"
      + " (SELECT 1 FROM cluster_node n WHERE n.node_id = s.owner_node AND n.generation = s.owner_generation"
      + " AND n.lease_until > " + NOW_MILLIS + ") LIMIT ? FOR UPDATE SKIP LOCKED)"
      + " AND " + FENCE_HOLDS
      + " RETURNING id";
  /** One dialog whose request reached this node while its owner's lease had lapsed. */
  private static final String TAKE_ONE = "UPDATE subscription s SET owner_node = ?, owner_generation = ?"
      + " WHERE s.id = ? AND (s.owner_node IS NULL OR NOT EXISTS (SELECT 1 FROM cluster_node n"
      + " WHERE n.node_id = s.owner_node AND n.generation = s.owner_generation AND n.lease_until > " + NOW_MILLIS + "))"
      + " AND " + FENCE_HOLDS;
  private static final String CLAIM_NEW = "UPDATE subscription SET owner_node = ?, owner_generation = ?"
      + " WHERE id = ? AND owner_node IS NULL AND " + FENCE_HOLDS;
  /** CSeq ceilings only rise (a late, smaller reservation is refused, not applied). */
  private static final String RESERVE_CSEQ = "UPDATE subscription SET local_cseq = ?"
      + " WHERE id = ? AND owner_node = ? AND owner_generation = ? AND local_cseq < ? AND " + FENCE_HOLDS;
  private static final String OWNER = "SELECT owner_node, owner_generation FROM subscription"
      + " WHERE id = ? AND owner_node IS NOT NULL";

  private final ClusterSql sql;

  public SubscriptionOwners(DataSource dataSource) {
    this.sql = new ClusterSql(dataSource);
  }

  /**
   * Takes over up to {@code limit} orphaned subscriptions for {@code fence}.
   *
   * @return the ids of the subscriptions now owned by {@code fence} (to be loaded and continued in
   *     their dialogs); empty when there are none, or when {@code fence}'s own lease has lapsed
   */
  public List<String> takeOverOrphans(NodeFence fence, int limit) {
    return sql.rows(TAKE_OVER, statement -> {
      bindFence(statement, 1, fence);
      statement.setInt(3, limit);
      bindFence(statement, 4, fence);
    }, row -> row.getString(1));
  }

  /**
   * Takes one subscription over for {@code fence} if its owner's lease has lapsed (or it has none):
   * a re-SUBSCRIBE or un-SUBSCRIBE that the load balancer sent here because the owner is dead is then
   * served here, in the same dialog, without waiting for the next takeover round.
   *
   * @return false when the owner is alive (it keeps the dialog and sends its NOTIFYs) or the fence's
   *     own lease has lapsed
   */
  public boolean takeOverIfOrphaned(NodeFence fence, String subscriptionId) {
    return sql.update(TAKE_ONE, statement -> {
      bindFence(statement, 1, fence);
      statement.setString(3, subscriptionId);
      bindFence(statement, 4, fence);
    }) == 1;
  }

  /**
   * Makes {@code fence} the owner of a subscription that has none (the node that accepted its
   * initial SUBSCRIBE).
   *
   * @return false when the row has an owner already or the fence's lease has lapsed
   */
  public boolean claimNew(NodeFence fence, String subscriptionId) {
    return sql.update(CLAIM_NEW, statement -> {
      bindFence(statement, 1, fence);
      statement.setString(3, subscriptionId);
      bindFence(statement, 4, fence);
    }) == 1;
  }

  /**
   * Stores a dialog's new CSeq ceiling: the owner may send CSeqs below it, and whoever continues the
   * dialog next starts at it, so no CSeq is ever sent twice, not even across a takeover.
   *
   * @return false when {@code fence} does not own the dialog (any more) or its lease has lapsed: it
   *     must send nothing more in that dialog
   */
  public boolean reserveCseq(NodeFence fence, String subscriptionId, long ceiling) {
    return sql.update(RESERVE_CSEQ, statement -> {
      statement.setLong(1, ceiling);
      statement.setString(2, subscriptionId);
      bindFence(statement, 3, fence);
      statement.setLong(5, ceiling);
      bindFence(statement, 6, fence);
    }) == 1;
  }

  /** The incarnation that owns a subscription, if any (for the console and for in-dialog requests). */
  public Optional<NodeFence> owner(String subscriptionId) {
    return sql.rows(OWNER, statement -> statement.setString(1, subscriptionId),
        row -> new NodeFence(row.getString(1), row.getLong(2))).stream().findFirst();
  }

  /** Binds a fence's node id and generation at {@code index} and {@code index + 1}. */
  private static void bindFence(PreparedStatement statement, int index, NodeFence fence) throws SQLException {
    statement.setString(index, fence.nodeId());
    statement.setLong(index + 1, fence.generation());
  }
}
