package org.presenceagent.domain.subscription;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.presenceagent.domain.shared.Aor;

/**
 * Where subscriptions live. Implementations keep the hot path in memory and write each change
 * through to durable storage before returning, so that an answered request survives a crash.
 */
public interface SubscriptionRepository {

  Optional<Subscription> find(SubscriptionKey key);

  /** The live subscriptions to one presentity in one event package. */
  List<Subscription> findByPresentity(Aor presentity, String event);

  /** Stores a new subscription or the changed state of a known one. */
  void save(Subscription subscription);

  void remove(SubscriptionKey key);

  Collection<Subscription> findAll();
}
