package org.presenceagent.infrastructure.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.watcher.OfflineWatcher;
import org.presenceagent.domain.watcher.OfflineWatcherRepository;

/** Offline watchers in memory only ({@code use_db=0}): lost on restart. */
public final class InMemoryOfflineWatcherRepository implements OfflineWatcherRepository {

  private final Map<String, OfflineWatcher> watchers = new ConcurrentHashMap<>();

  @Override
  public void save(OfflineWatcher watcher) {
    watchers.put(watcher.id(), watcher);
  }

  @Override
  public List<OfflineWatcher> findByPresentity(Aor presentity) {
    return watchers.values().stream()
        .filter(watcher -> watcher.presentity().equals(presentity))
        .sorted(Comparator.comparing(OfflineWatcher::storedAt))
        .toList();
  }

  @Override
  public void remove(Collection<String> ids) {
    ids.forEach(watchers::remove);
  }

  @Override
  public int removeStoredBefore(Instant instant) {
    List<String> old = watchers.values().stream()
        .filter(watcher -> watcher.storedAt().isBefore(instant))
        .map(OfflineWatcher::id)
        .toList();
    old.forEach(watchers::remove);
    return old.size();
  }
}
