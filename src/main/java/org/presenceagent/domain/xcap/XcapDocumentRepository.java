package org.presenceagent.domain.xcap;

import java.util.Optional;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.shared.ETag;

/** Where XCAP documents live; each change is durable when the call returns. */
public interface XcapDocumentRepository {

  Optional<XcapDocument> find(DocumentSelector selector);

  /**
   * Stores a new document or replaces the one with the same selector, if what is stored is still
   * what the caller read: the document with entity tag {@code expected}, or none when it is empty.
   * Checked and written in one step of the store, so that two writers (two threads, or two nodes of
   * a cluster on one database) never both succeed against the same version (RFC 4825 section 7.11:
   * the entity tag is what a conditional request is judged by).
   *
   * @return false, with nothing written, when the stored document is another
   */
  boolean replace(XcapDocument document, Optional<ETag> expected);

  /**
   * Removes the document if its entity tag is still {@code expected} (see {@link #replace}).
   *
   * @return false, with nothing removed, when the stored document is another or none
   */
  boolean remove(DocumentSelector selector, ETag expected);

  /** How many documents the user has (any application usage), for the per-user quota. */
  long countByUser(Aor user);
}
