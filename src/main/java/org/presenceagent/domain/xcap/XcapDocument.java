package org.presenceagent.domain.xcap;

import java.time.Instant;
import java.util.Objects;
import org.presenceagent.domain.shared.ETag;

/**
 * A stored XCAP document: its bytes exactly as uploaded, and a strong entity tag that changes with
 * every modification (RFC 4825 section 7.11).
 */
public record XcapDocument(DocumentSelector selector, ETag etag, String contentType, byte[] body, Instant modifiedAt) {

  public XcapDocument {
    Objects.requireNonNull(selector, "selector");
    Objects.requireNonNull(etag, "etag");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(modifiedAt, "modifiedAt");
  }
}
