package org.presenceagent.domain.xcap;

import java.util.Optional;
import org.presenceagent.domain.shared.Aor;

/** Where XCAP documents live; each change is durable when the call returns. */
public interface XcapDocumentRepository {

  Optional<XcapDocument> find(DocumentSelector selector);

  /** Stores a new document or replaces the one with the same selector. */
  void save(XcapDocument document);

  void remove(DocumentSelector selector);

  /** How many documents the user has (any application usage), for the per-user quota. */
  long countByUser(Aor user);
}
