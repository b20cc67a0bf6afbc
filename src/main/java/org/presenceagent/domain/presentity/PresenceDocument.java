package org.presenceagent.domain.presentity;

/**
 * A validated presence document as published: its media type and its exact bytes. The parsed
 * form stays with the codec that produced it; the domain only carries it.
 */
public interface PresenceDocument {

  /** The media type it was published with, e.g. {@code application/pidf+xml}. */
  String contentType();

  /** The document's bytes as received (never modified, so conversions stay lossless). */
  byte[] bytes();
}
