package org.presenceagent.domain.subscription;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.shared.UnitOfWork;

/**
 * Where subscriptions live. Implementations keep the hot path in memory; changes are made in a
 * {@link UnitOfWork}, stored when it commits and only then visible to the finders, so that an
 * answered request survives a crash and a change that could not be stored is never seen.
 */
public interface SubscriptionRepository {

  Optional<Subscription> find(SubscriptionKey key);

  /** The live subscriptions to one presentity in one event package. */
  List<Subscription> findByPresentity(Aor presentity, String event);

  /**
   * The live subscriptions of {@code watcher} to {@code presentity} in {@code event} whose dialog
   * has {@code remoteTarget} (the ones a new subscription of the same phone replaces). The default
   * scans the presentity's subscriptions; an implementation for many watchers indexes them, so that
   * a SUBSCRIBE does not cost as much as the presentity has watchers.
   */
  default List<Subscription> findByWatcherAndTarget(Aor presentity, String event, Aor watcher, String remoteTarget) {
    return findByPresentity(presentity, event).stream()
        .filter(subscription -> subscription.watcher().equals(watcher))
        .filter(subscription -> subscription.dialog().remoteTarget().equals(remoteTarget))
        .toList();
  }

  /** Stores a new subscription or the changed state of a known one, when {@code work} commits. */
  void save(UnitOfWork work, Subscription subscription);

  /** Removes the subscription when {@code work} commits; nothing when there is none. */
  void remove(UnitOfWork work, SubscriptionKey key);

  /**
   * Removes a subscription that ended for the reason it carries (rejected, deactivated: RFC 3857
   * section 3.4's events, which a stored watcher list elsewhere cannot read from a removed row).
   */
  default void remove(UnitOfWork work, Subscription ended) {
    remove(work, ended.key());
  }

  Collection<Subscription> findAll();
}
