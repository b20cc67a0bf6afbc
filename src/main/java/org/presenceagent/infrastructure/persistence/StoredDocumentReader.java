package org.presenceagent.infrastructure.persistence;

import org.presenceagent.domain.presentity.PresenceDocument;

/** Turns a stored body back into a document (the codec's parser, given by the composition root). */
@FunctionalInterface
public interface StoredDocumentReader {

  PresenceDocument read(String contentType, byte[] body);
}
