package org.presenceagent.infrastructure.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.domain.subscription.SubscriptionKey;
import org.presenceagent.domain.subscription.SubscriptionRepository;

/**
 * Subscriptions indexed in memory by key and by presentity, written through to a
 * {@link SubscriptionStore} before each change becomes visible. Reads never touch the database.
 */
public final class IndexedSubscriptionRepository implements SubscriptionRepository {

  private final SubscriptionStore store;
  private final Map<SubscriptionKey, Subscription> byKey = new ConcurrentHashMap<>();
  private final Map<PresentityEvent, Set<SubscriptionKey>> byPresentity = new ConcurrentHashMap<>();

  public IndexedSubscriptionRepository(SubscriptionStore store) {
    this.store = store;
  }

  /** Fills the index from the store (at start-up); returns what was loaded. */
  public List<Subscription> load() {
    List<Subscription> loaded = store.loadAll();
    loaded.forEach(this::index);
    return loaded;
  }

  @Override
  public Optional<Subscription> find(SubscriptionKey key) {
    return Optional.ofNullable(byKey.get(key));
  }

  @Override
  public List<Subscription> findByPresentity(Aor presentity, String event) {
    Set<SubscriptionKey> keys = byPresentity.get(new PresentityEvent(presentity, event));
    if (keys == null) {
      return List.of();
    }
    List<Subscription> found = new ArrayList<>(keys.size());
    for (SubscriptionKey key : keys) {
      Subscription subscription = byKey.get(key);
      if (subscription != null) {
        found.add(subscription);
      }
    }
    return found;
  }

  @Override
  public void save(Subscription subscription) {
    if (byKey.containsKey(subscription.key())) {
      store.update(subscription);
    } else {
      store.insert(subscription);
    }
    index(subscription);
  }

  @Override
  public void remove(SubscriptionKey key) {
    Subscription removed = byKey.get(key);
    if (removed == null) {
      return;
    }
    store.delete(key);
    byKey.remove(key);
    PresentityEvent indexKey = new PresentityEvent(removed.presentity(), removed.event());
    byPresentity.computeIfPresent(indexKey, (ignored, keys) -> {
      keys.remove(key);
      return keys.isEmpty() ? null : keys;
    });
  }

  @Override
  public Collection<Subscription> findAll() {
    return List.copyOf(byKey.values());
  }

  /** How many subscriptions match, counted in the index without copying it (for gauges). */
  public long count(Predicate<Subscription> filter) {
    return byKey.values().stream().filter(filter).count();
  }

  /** The presentities that have at least one subscription, from the index. */
  public Set<Aor> presentities() {
    Set<Aor> presentities = new HashSet<>();
    byPresentity.keySet().forEach(key -> presentities.add(key.presentity()));
    return presentities;
  }

  private void index(Subscription subscription) {
    byKey.put(subscription.key(), subscription);
    byPresentity
        .computeIfAbsent(new PresentityEvent(subscription.presentity(), subscription.event()),
            ignored -> ConcurrentHashMap.newKeySet())
        .add(subscription.key());
  }
}
