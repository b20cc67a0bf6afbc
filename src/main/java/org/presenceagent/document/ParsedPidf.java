package org.presenceagent.document;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
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
 * <p>The model is visible only inside this package and is never modified after validation. It is
 * still read only under the document's lock ({@link #whileReading}): its extension elements are
 * DOM nodes, and a DOM is not safe even for concurrent reads (Xerces turns an attribute's value
 * into a child node the first time it is walked, and caches child lists in the owner document).
 * One change of a presentity is composed for each format and view on whichever worker sends the
 * first NOTIFY of that kind, so several threads read the same publications at once; unlocked, two
 * of them once made a NOTIFY fail with a ClassCastException inside Xerces.
 */
public final class ParsedPidf implements PresenceDocument {

  /** Locks are taken in creation order, so two compositions sharing documents never deadlock. */
  private static final AtomicLong CREATED = new AtomicLong();

  private final long order = CREATED.incrementAndGet();
  private final ReentrantLock lock = new ReentrantLock();
  private final String contentType;
  private final Presence model;
  private byte[] bytes; // guarded by lock: null until a repaired document is first written

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
  public byte[] bytes() {
    return whileReading(List.of(this), () -> {
      if (bytes == null) {
        bytes = DocumentWriter.republished(contentType, model);
      }
      return bytes.clone();
    });
  }

  /**
   * The parsed model: read it, and anything composed from it that still refers to its nodes,
   * only inside {@link #whileReading} for this document.
   */
  Presence model() {
    return model;
  }

  /**
   * Runs {@code reading} holding the locks of all {@code documents}, taken in one global order.
   * Reentrant: a reading may call {@link #bytes()} of a document it holds.
   */
  static <T> T whileReading(List<ParsedPidf> documents, Supplier<T> reading) {
    List<ParsedPidf> ordered = documents.stream().distinct().sorted(Comparator.comparingLong(d -> d.order)).toList();
    int locked = 0;
    try {
      for (ParsedPidf document : ordered) {
        document.lock.lock();
        locked++;
      }
      return reading.get();
    } finally {
      for (int i = locked - 1; i >= 0; i--) {
        ordered.get(i).lock.unlock();
      }
    }
  }
}
