package org.presenceagent.infrastructure.persistence;

import org.presenceagent.domain.shared.Aor;

/**
 * What a stored change of a presentity's state (a publication, a binding) also writes in its own
 * transaction: nothing on a single node; in cluster mode a change-log row that tells the other
 * nodes to read the presentity again (docs/scale-out.md, "Change propagation"). Being a write of the
 * same unit of work, it is committed exactly when the change is, never without it.
 */
@FunctionalInterface
public interface PresentityChangeWrites {

  DurableWrite changed(Aor presentity, String event);

  /** A single node: no extra write, no extra cost. */
  PresentityChangeWrites NONE = (presentity, event) -> DurableWrite.NOTHING;
}
