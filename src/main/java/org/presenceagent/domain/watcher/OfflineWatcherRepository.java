package org.presenceagent.domain.watcher;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.presenceagent.domain.shared.Aor;

/** Where offline watcher information is kept; each change is durable when the call returns. */
public interface OfflineWatcherRepository {

  void save(OfflineWatcher watcher);

  /** The entries stored for a presentity, oldest first. */
  List<OfflineWatcher> findByPresentity(Aor presentity);

  void remove(Collection<String> ids);

  /** Removes every entry stored before {@code instant}; returns how many. */
  int removeStoredBefore(Instant instant);
}
