package org.presenceagent.infrastructure.cluster;

import static org.presenceagent.infrastructure.cluster.PostgresTime.NOW_MILLIS;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.domain.subscription.SubscriptionKey;
import org.presenceagent.infrastructure.persistence.DurableWrite;
import org.presenceagent.infrastructure.persistence.SubscriptionStore;

/**
 * The subscription store of a cluster node (docs/scale-out.md, "Ownership of subscriptions"): a new
 * subscription's row is claimed for this node's incarnation in the same transaction as its insert,
 * and every later write of the row carries the fence in its transaction, so a node whose lease the
 * database no longer sees valid can neither acknowledge a SUBSCRIBE nor change or delete a dialog.
 * Nothing is loaded at start-up: a node that just joined has a new generation and owns nothing until
 * it takes subscriptions over ({@link OwnedDialogs}).
 */
final class OwnedSubscriptionStore implements SubscriptionStore {

  private static final String CLAIM = "UPDATE subscription SET owner_node = ?1, owner_generation = ?2"
      + " WHERE id = ?3 AND owner_node IS NULL AND EXISTS (SELECT 1 FROM cluster_node f WHERE f.node_id = ?1"
      + " AND f.generation = ?2 AND f.lease_until > " + NOW_MILLIS + ")";

  /** Matches the row only for its owner with a valid lease; the no-op update locks it until commit. */
  private static final String FENCE = "UPDATE subscription SET owner_generation = owner_generation"
      + " WHERE id = ?3 AND owner_node = ?1 AND owner_generation = ?2 AND EXISTS (SELECT 1 FROM cluster_node f"
      + " WHERE f.node_id = ?1 AND f.generation = ?2 AND f.lease_until > " + NOW_MILLIS + ")";

  private final SubscriptionStore stored;
  private final Supplier<Optional<NodeFence>> fence;

  OwnedSubscriptionStore(SubscriptionStore stored, Supplier<Optional<NodeFence>> fence) {
    this.stored = stored;
    this.fence = fence;
  }

  @Override
  public DurableWrite insert(Subscription subscription) {
    DurableWrite insert = stored.insert(subscription);
    String id = subscription.key().asText();
    return entityManager -> {
      NodeFence owner = currentFence(id);
      insert.apply(entityManager);
      entityManager.flush(); // the claim below must see the inserted row
      requireOneRow(entityManager, CLAIM, owner, id, "not claimed");
    };
  }

  /**
   * A refresh, a state change, a CSeq reservation: only while this incarnation owns the row and holds
   * its lease by the database's clock (the fence check locks the row until the transaction ends, so a
   * peer's takeover waits or skips it). A node that lost the dialog refuses the change instead of
   * overwriting what the new owner stored.
   */
  @Override
  public DurableWrite update(Subscription subscription) {
    return fenced(subscription.key(), stored.update(subscription));
  }

  /**
   * An expiry, an un-SUBSCRIBE, a removal after a failed NOTIFY: fenced like {@link #update}, so a
   * node paused past its lease never deletes a dialog a peer took over (OpenSIPS #1848, #2960).
   */
  @Override
  public DurableWrite delete(SubscriptionKey key) {
    return fenced(key, stored.delete(key));
  }

  private DurableWrite fenced(SubscriptionKey key, DurableWrite write) {
    String id = key.asText();
    return entityManager -> {
      requireOneRow(entityManager, FENCE, currentFence(id), id, "change refused");
      write.apply(entityManager);
    };
  }

  /** This node's fence by its local deadline; without it nothing is written (the unit fails as a whole). */
  private NodeFence currentFence(String id) {
    return fence.get().orElseThrow(() -> new LeaseLostException("no valid lease to write " + id));
  }

  /** Runs a fenced statement on the subscription's row; any other count than one row refuses the unit. */
  private static void requireOneRow(EntityManager entityManager, String sql, NodeFence owner, String id, String refusal) {
    int rows = entityManager.createNativeQuery(sql)
        .setParameter(1, owner.nodeId())
        .setParameter(2, owner.generation())
        .setParameter(3, id)
        .executeUpdate();
    if (rows != 1) {
      throw new LeaseLostException(id + " is not " + owner + "'s with a lease valid in the database: " + refusal);
    }
  }

  @Override
  public List<Subscription> loadAll() {
    return List.of();
  }

  @Override
  public List<Subscription> load(Collection<String> ids) {
    return stored.load(ids);
  }

  /** Every node's: other nodes' subscriptions are read from the table on demand (watcher lists). */
  @Override
  public List<Subscription> loadByPresentity(Aor presentity, String event) {
    return stored.loadByPresentity(presentity, event);
  }
}
