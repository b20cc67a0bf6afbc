package org.presenceagent.infrastructure.cluster;

import org.presenceagent.domain.shared.Aor;

/**
 * One row of the change log: a presentity's state for an event package changed, committed by
 * {@code nodeId}. It carries no state: a reader composes from the database, so reading a row twice,
 * or late, can never send stale state.
 *
 * @param seq the row's sequence number (ascending in insertion order, not in commit order)
 */
public record PresentityChangeRecord(long seq, Aor presentity, String event, String nodeId) {}
