package org.presenceagent.infrastructure.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.domain.subscription.SubscriptionKey;

/** Subscriptions in the {@code subscription} table, one statement per change. */
public final class JpaSubscriptionStore implements SubscriptionStore {

  private static final int LOAD_SLICE = 500;

  private final TransactionRunner transactions;

  public JpaSubscriptionStore(TransactionRunner transactions) {
    this.transactions = transactions;
  }

  @Override
  public DurableWrite insert(Subscription subscription) {
    SubscriptionRecord row = SubscriptionMapper.toRecord(subscription);
    return entityManager -> entityManager.persist(row);
  }

  @Override
  public DurableWrite update(Subscription subscription) {
    SubscriptionRecord row = SubscriptionMapper.toRecord(subscription);
    return entityManager -> {
      int updated = entityManager.createNamedQuery(SubscriptionRecord.UPDATE_STATE)
          .setParameter("state", row.state)
          .setParameter("reason", row.reason)
          .setParameter("expiresAt", row.expiresAt)
          .setParameter("remoteTarget", row.remoteTarget)
          .setParameter("remoteCseq", row.remoteCseq)
          .setParameter("localCseq", row.localCseq)
          .setParameter("version", row.version)
          .setParameter("minRate", row.minRate)
          .setParameter("maxRate", row.maxRate)
          .setParameter("adaptiveMinRate", row.adaptiveMinRate)
          .setParameter("id", row.id)
          .executeUpdate();
      if (updated == 0) { // not stored yet (e.g. the row was removed by a concurrent cleanup)
        entityManager.persist(row);
      }
    };
  }

  @Override
  public DurableWrite delete(SubscriptionKey key) {
    String id = key.asText();
    return entityManager -> entityManager.createNamedQuery(SubscriptionRecord.DELETE)
        .setParameter("id", id)
        .executeUpdate();
  }

  @Override
  public List<Subscription> loadAll() {
    return transactions.read(entityManager -> entityManager
        .createNamedQuery(SubscriptionRecord.ALL, SubscriptionRecord.class)
        .getResultStream()
        .map(SubscriptionMapper::toSubscription)
        .toList());
  }

  @Override
  public List<Subscription> load(Collection<String> ids) {
    List<String> all = List.copyOf(ids);
    List<Subscription> loaded = new ArrayList<>();
    // In slices: a takeover may hand over thousands, and databases bound the parameters of a statement.
    for (int from = 0; from < all.size(); from += LOAD_SLICE) {
      List<String> slice = all.subList(from, Math.min(all.size(), from + LOAD_SLICE));
      loaded.addAll(transactions.read(entityManager -> entityManager
          .createNamedQuery(SubscriptionRecord.WITH_IDS, SubscriptionRecord.class)
          .setParameter("ids", slice)
          .getResultStream()
          .map(SubscriptionMapper::toSubscription)
          .toList()));
    }
    return loaded;
  }

  @Override
  public List<Subscription> loadByPresentity(Aor presentity, String event) {
    return transactions.read(entityManager -> entityManager
        .createNamedQuery(SubscriptionRecord.BY_PRESENTITY, SubscriptionRecord.class)
        .setParameter("presentity", presentity.uri())
        .setParameter("event", event)
        .getResultStream()
        .map(SubscriptionMapper::toSubscription)
        .toList());
  }
}
