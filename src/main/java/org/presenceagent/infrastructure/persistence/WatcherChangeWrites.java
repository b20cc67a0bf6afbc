package org.presenceagent.infrastructure.persistence;

import java.util.Optional;
import org.presenceagent.domain.subscription.Subscription;

/**
 * What a stored change of a presence subscription that its presentity's {@code presence.winfo}
 * watchers must hear of (RFC 3857 section 3.4: a new subscription, a change of its state, its
 * removal) also writes in its own transaction: nothing on a single node, where the winfo watchers are
 * told from memory; in cluster mode a change-log row, so that the winfo watchers whose dialogs other
 * nodes hold are told as well (docs/scale-out.md, "Watcher information across nodes"). A refresh or a
 * CSeq reservation, which leaves the state as it was, writes nothing.
 */
@FunctionalInterface
public interface WatcherChangeWrites {

  /**
   * @param subscription the subscription as stored after the change (for a removal: as it was)
   * @param endEvent the event that ended it (RFC 3857 section 3.4), when the change is its removal
   */
  DurableWrite changed(Subscription subscription, Optional<String> endEvent);

  /** A single node: no extra write, no extra cost. */
  WatcherChangeWrites NONE = (subscription, endEvent) -> DurableWrite.NOTHING;
}
