package org.presenceagent.document;

import java.util.Objects;
import org.presenceagent.document.pidf.Presence;
import org.presenceagent.domain.presentity.PresenceDocument;

/**
 * A validated PIDF or CPIM-PIDF publication (RFC 3863): the bytes it is stored and forwarded as
 * (a lone publication is forwarded byte for byte) and the parsed model, kept so that composing
 * several publications does not parse them again.
 *
 * <p>The bytes are the publisher's, or, for a document the lenient reading repaired, the repaired
 * model written in the published format. That one is written when first asked for (when the change
 * is stored, in the presentity's turn), not while parsing on the receiving thread: a repaired
 * PUBLISH then takes its place in the presentity's order as soon as a clean one would. It matters to baresip 1.0.0, which sends a PUBLISH that needs repair and,
 * once its REGISTER is answered, a second initial PUBLISH without waiting for the first answer
 * (RFC 3903 section 4.1 says it must wait); it keeps the entity-tag of the answer that arrives last
 * and later removes only that publication, so the two must be handled in the order they came or
 * the open one outlives the user's session.
 *
 * <p>The model is visible only inside this package and is never modified after validation, so
 * the object can be shared between threads that hold the presentity's lock in turn.
 */
public final class ParsedPidf implements PresenceDocument {

  private final String contentType;
  private final Presence model;
  private byte[] bytes; // guarded by this: null until a repaired document is first written

  ParsedPidf(String contentType, byte[] bytes, Presence model) {
    this(contentType, model);
    this.bytes = bytes.clone();
  }

  private ParsedPidf(String contentType, Presence model) {
    this.contentType = Objects.requireNonNull(contentType, "contentType");
    this.model = Objects.requireNonNull(model, "model");
  }

  /** A publication the lenient reading repaired: its bytes are the model, written when first needed. */
  static ParsedPidf repaired(String contentType, Presence model) {
    return new ParsedPidf(contentType, model);
  }

  @Override
  public String contentType() {
    return contentType;
  }

  /** A copy of the bytes: the domain promises they are never modified. */
  @Override
  public synchronized byte[] bytes() {
    if (bytes == null) {
      bytes = DocumentWriter.republished(contentType, model);
    }
    return bytes.clone();
  }

  Presence model() {
    return model;
  }
}
