package org.presenceagent.infrastructure.persistence;

import java.util.Collection;
import java.util.List;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.domain.subscription.SubscriptionKey;

/** Durable storage of subscriptions: each change is a write for the group commit. */
public interface SubscriptionStore {

  DurableWrite insert(Subscription subscription);

  DurableWrite update(Subscription subscription);

  DurableWrite delete(SubscriptionKey key);

  List<Subscription> loadAll();

  /** The stored subscriptions with these ids ({@link SubscriptionKey#asText()}); cluster mode: the ones this node owns. */
  List<Subscription> load(Collection<String> ids);

  /**
   * Every stored subscription to the presentity in the event package, whichever node owns it (cluster
   * mode: a presentity's watcher list is composed from the table, the same on every node).
   */
  List<Subscription> loadByPresentity(Aor presentity, String event);

  /** For {@code use_db=0}: nothing is stored, nothing is loaded. */
  SubscriptionStore NONE = new SubscriptionStore() {
    @Override
    public DurableWrite insert(Subscription subscription) {
      return DurableWrite.NOTHING;
    }

    @Override
    public DurableWrite update(Subscription subscription) {
      return DurableWrite.NOTHING;
    }

    @Override
    public DurableWrite delete(SubscriptionKey key) {
      return DurableWrite.NOTHING;
    }

    @Override
    public List<Subscription> loadAll() {
      return List.of();
    }

    @Override
    public List<Subscription> load(Collection<String> ids) {
      return List.of();
    }

    @Override
    public List<Subscription> loadByPresentity(Aor presentity, String event) {
      return List.of();
    }
  };
}
