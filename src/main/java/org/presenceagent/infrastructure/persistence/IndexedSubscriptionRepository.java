package org.presenceagent.infrastructure.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.presenceagent.domain.event.EventPackage;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.shared.UnitOfWork;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.domain.subscription.SubscriptionKey;
import org.presenceagent.domain.subscription.SubscriptionRepository;
import org.presenceagent.domain.subscription.TerminationReason;

/**
 * Subscriptions indexed in memory by key and by presentity, stored through a
 * {@link SubscriptionStore} when a unit of work commits; the index changes only after that. Reads
 * never touch the database.
 */
public final class IndexedSubscriptionRepository implements SubscriptionRepository {

  private final SubscriptionStore store;
  private final GroupedIndex<PresentityEvent, SubscriptionKey, Subscription> index =
      new GroupedIndex<>(Subscription::key, subscription -> new PresentityEvent(subscription.presentity(), subscription.event()));
  /** By watcher and dialog target as well: what {@link #findByWatcherAndTarget} answers without a scan. */
  private final GroupedIndex<WatcherTarget, SubscriptionKey, Subscription> byWatcherTarget =
      new GroupedIndex<>(Subscription::key, WatcherTarget::of);

  private final WatcherChangeWrites watcherChanges;

  public IndexedSubscriptionRepository(SubscriptionStore store) {
    this(store, WatcherChangeWrites.NONE);
  }

  /** @param watcherChanges what a change of a presence subscription's state also writes (cluster: a change-log row) */
  public IndexedSubscriptionRepository(SubscriptionStore store, WatcherChangeWrites watcherChanges) {
    this.store = store;
    this.watcherChanges = watcherChanges;
  }

  /** Fills the index from the store (at start-up); returns what was loaded. */
  public List<Subscription> load() {
    List<Subscription> loaded = store.loadAll();
    loaded.forEach(this::put);
    return loaded;
  }

  /**
   * Cluster mode: loads the stored subscriptions with these ids into memory (this node now owns
   * them: its own at start-up, or taken over from a node whose lease lapsed); returns them.
   */
  public List<Subscription> adopt(Collection<String> ids) {
    List<Subscription> loaded = store.load(ids);
    loaded.forEach(this::put);
    return loaded;
  }

  /**
   * Cluster mode: forgets every subscription in memory without touching the stored rows (this node
   * lost its lease: the dialogs are a peer's to continue); returns what was held.
   */
  public List<Subscription> evictAll() {
    List<Subscription> held = List.copyOf(index.all());
    for (Subscription subscription : held) {
      index.remove(subscription.key());
      byWatcherTarget.remove(subscription.key());
    }
    return held;
  }

  @Override
  public Optional<Subscription> find(SubscriptionKey key) {
    return index.find(key);
  }

  @Override
  public List<Subscription> findByPresentity(Aor presentity, String event) {
    return index.group(new PresentityEvent(presentity, event));
  }

  @Override
  public void save(UnitOfWork work, Subscription subscription) {
    Optional<Subscription> before = index.find(subscription.key());
    DurableWrite write = before.isPresent() ? store.update(subscription) : store.insert(subscription);
    // Only what winfo watchers see (RFC 3857 section 3.4): a new watcher, or one whose state changed.
    if (isPresence(subscription) && before.map(known -> known.state() != subscription.state()).orElse(true)) {
      write = both(write, watcherChanges.changed(subscription, Optional.empty()));
    }
    StoredChanges.of(work).add(write, () -> put(subscription));
  }

  @Override
  public void remove(UnitOfWork work, SubscriptionKey key) {
    remove(work, key, Optional.empty());
  }

  @Override
  public void remove(UnitOfWork work, Subscription ended) {
    remove(work, ended.key(), ended.terminationReason().map(TerminationReason::token));
  }

  private void remove(UnitOfWork work, SubscriptionKey key, Optional<String> endEvent) {
    Optional<Subscription> known = index.find(key);
    if (known.isPresent()) {
      DurableWrite write = store.delete(key);
      if (isPresence(known.get())) {
        // An un-SUBSCRIBE, an expiry, a dropped dialog: the watcher's end is gone, which reads timeout.
        write = both(write, watcherChanges.changed(known.get(), Optional.of(endEvent.orElse(TerminationReason.TIMEOUT.token()))));
      }
      StoredChanges.of(work).add(write, () -> {
        index.remove(key);
        byWatcherTarget.remove(key);
      });
    }
  }

  private static boolean isPresence(Subscription subscription) {
    return EventPackage.PRESENCE.name().equalsIgnoreCase(subscription.event());
  }

  /** The two writes in order, in the same transaction. */
  private static DurableWrite both(DurableWrite first, DurableWrite second) {
    return second == DurableWrite.NOTHING ? first : entityManager -> {
      first.apply(entityManager);
      second.apply(entityManager);
    };
  }

  @Override
  public List<Subscription> findByWatcherAndTarget(Aor presentity, String event, Aor watcher, String remoteTarget) {
    return byWatcherTarget.group(new WatcherTarget(new PresentityEvent(presentity, event), watcher, remoteTarget));
  }

  // A refresh may change the dialog's remote target, so the subscription moves between groups.
  private void put(Subscription subscription) {
    index.put(subscription);
    byWatcherTarget.remove(subscription.key());
    byWatcherTarget.put(subscription);
  }

  private record WatcherTarget(PresentityEvent presentityEvent, Aor watcher, String remoteTarget) {
    static WatcherTarget of(Subscription subscription) {
      return new WatcherTarget(new PresentityEvent(subscription.presentity(), subscription.event()),
          subscription.watcher(), subscription.dialog().remoteTarget());
    }
  }

  @Override
  public Collection<Subscription> findAll() {
    return index.all();
  }

  /** How many subscriptions match, counted in the index without copying it (for gauges). */
  public long count(Predicate<Subscription> filter) {
    return index.count(filter);
  }

  /** The presentities that have at least one subscription, from the index. */
  public Set<Aor> presentities() {
    return index.groups().stream().map(PresentityEvent::presentity).collect(Collectors.toSet());
  }
}
