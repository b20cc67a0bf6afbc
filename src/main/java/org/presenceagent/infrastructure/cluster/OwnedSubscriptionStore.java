package org.presenceagent.infrastructure.cluster;

import static org.presenceagent.infrastructure.cluster.PostgresTime.NOW_MILLIS;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.domain.subscription.SubscriptionKey;
import org.presenceagent.infrastructure.persistence.DurableWrite;
import org.presenceagent.infrastructure.persistence.SubscriptionStore;

/**
 * The subscription store of a cluster node: a new subscription's row is claimed for this node's
 * incarnation in the same transaction as its insert (docs/scale-out.md, "Ownership of
 * subscriptions"), under the fence, so a node whose lease the database no longer sees valid cannot
 * acknowledge a SUBSCRIBE; and nothing is loaded at start-up, since a node that just joined has a new
 * generation and owns nothing until it takes subscriptions over ({@link OwnedDialogs}).
 */
final class OwnedSubscriptionStore implements SubscriptionStore {

  private static final String CLAIM = "UPDATE subscription SET owner_node = ?1, owner_generation = ?2"
      + " WHERE id = ?3 AND owner_node IS NULL AND EXISTS (SELECT 1 FROM cluster_node f WHERE f.node_id = ?1"
      + " AND f.generation = ?2 AND f.lease_until > " + NOW_MILLIS + ")";

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
      NodeFence owner = fence.get().orElseThrow(() -> new LeaseLostException("no valid lease to own " + id));
      insert.apply(entityManager);
      entityManager.flush(); // the claim below must see the inserted row
      int claimed = entityManager.createNativeQuery(CLAIM)
          .setParameter(1, owner.nodeId())
          .setParameter(2, owner.generation())
          .setParameter(3, id)
          .executeUpdate();
      if (claimed != 1) {
        throw new LeaseLostException("the database does not see the lease of " + owner + " valid: " + id + " not claimed");
      }
    };
  }

  @Override
  public DurableWrite update(Subscription subscription) {
    return stored.update(subscription);
  }

  @Override
  public DurableWrite delete(SubscriptionKey key) {
    return stored.delete(key);
  }

  @Override
  public List<Subscription> loadAll() {
    return List.of();
  }

  @Override
  public List<Subscription> load(Collection<String> ids) {
    return stored.load(ids);
  }
}
