package org.presenceagent.domain.xcap;

import java.util.Optional;

/** Where XCAP documents live; each change is durable when the call returns. */
public interface XcapDocumentRepository {

  Optional<XcapDocument> find(DocumentSelector selector);

  /** Stores a new document or replaces the one with the same selector. */
  void save(XcapDocument document);

  void remove(DocumentSelector selector);
}
