package org.presenceagent.document;

import java.util.Objects;
import org.presenceagent.document.pidf.Presence;
import org.presenceagent.domain.presentity.PresenceDocument;

/**
 * A validated PIDF or CPIM-PIDF publication (RFC 3863): the exact bytes the publisher sent, which a lone
 * publication is forwarded as, and the parsed model, kept so that composing several publications
 * does not parse them again.
 *
 * <p>The model is visible only inside this package and is never modified after validation, so
 * the object can be shared between threads that hold the presentity's lock in turn.
 */
public final class ParsedPidf implements PresenceDocument {

  private final String contentType;
  private final byte[] bytes;
  private final Presence model;

  ParsedPidf(String contentType, byte[] bytes, Presence model) {
    this.contentType = Objects.requireNonNull(contentType, "contentType");
    this.bytes = bytes.clone();
    this.model = Objects.requireNonNull(model, "model");
  }

  @Override
  public String contentType() {
    return contentType;
  }

  /** A copy of the original bytes: the domain promises they are never modified. */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  Presence model() {
    return model;
  }
}
