package org.presenceagent.infrastructure.persistence;

import java.util.List;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.domain.subscription.SubscriptionKey;

/** Durable storage of subscriptions: one write per change. */
public interface SubscriptionStore {

  void insert(Subscription subscription);

  void update(Subscription subscription);

  void delete(SubscriptionKey key);

  List<Subscription> loadAll();

  /** For {@code use_db=0}: nothing is stored, nothing is loaded. */
  SubscriptionStore NONE = new SubscriptionStore() {
    @Override
    public void insert(Subscription subscription) {
      // memory only
    }

    @Override
    public void update(Subscription subscription) {
      // memory only
    }

    @Override
    public void delete(SubscriptionKey key) {
      // memory only
    }

    @Override
    public List<Subscription> loadAll() {
      return List.of();
    }
  };
}
