package org.presenceagent.infrastructure.cluster;

import java.util.Optional;
import org.presenceagent.domain.shared.Aor;

/**
 * One row of the change log: a presentity's state for an event package changed, committed by
 * {@code nodeId}. It carries no state: a reader composes from the database, so reading a row twice,
 * or late, can never send stale state.
 *
 * @param seq the row's sequence number (ascending in insertion order, not in commit order)
 * @param event the event package whose state changed, or an XCAP document's topic
 *     ({@link org.presenceagent.application.xcap.XcapDocumentChanges#topic})
 * @param subscriptionId the presence subscription whose change the presentity's winfo watchers must
 *     hear of ({@code event} is {@code presence.winfo}); empty for every other change
 * @param endEvent the RFC 3857 event that ended that subscription, when the change is its removal:
 *     the one thing a reader cannot read from the table once the row is gone
 */
public record PresentityChangeRecord(long seq, Aor presentity, String event, String nodeId,
    Optional<String> subscriptionId, Optional<String> endEvent) {

  /** A change of the presentity's state as a whole (publications, bindings, a document). */
  public PresentityChangeRecord(long seq, Aor presentity, String event, String nodeId) {
    this(seq, presentity, event, nodeId, Optional.empty(), Optional.empty());
  }
}
