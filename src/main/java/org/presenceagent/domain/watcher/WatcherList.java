package org.presenceagent.domain.watcher;

import java.util.List;
import java.util.Objects;
import org.presenceagent.domain.shared.Aor;

/**
 * The {@code <watcher-list>} of RFC 3858 section 4: the watchers of one resource in one event
 * package; all of them in a full document, the changed ones in a partial one.
 */
public record WatcherList(Aor resource, String eventPackage, List<WatcherEntry> watchers) {

  public WatcherList {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(eventPackage, "eventPackage");
    watchers = List.copyOf(watchers);
  }
}
