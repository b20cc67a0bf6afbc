package org.presenceagent.domain.watcher;

import java.time.Instant;
import java.util.Objects;
import org.presenceagent.domain.shared.Aor;

/**
 * A watcher that asked for a presentity's state while the presentity was offline and was left
 * pending (the seed's {@code store_winfo}): kept so that the presentity learns of it when it next
 * subscribes to its watcher information.
 *
 * @param id unique, names the stored entry
 */
public record OfflineWatcher(String id, Aor presentity, Aor watcher, Instant storedAt) {

  public OfflineWatcher {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(presentity, "presentity");
    Objects.requireNonNull(watcher, "watcher");
    Objects.requireNonNull(storedAt, "storedAt");
  }
}
