package org.presenceagent.application.port;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.presenceagent.domain.auth.Transformations;
import org.presenceagent.domain.presentity.PresenceDocument;
import org.presenceagent.domain.registration.Binding;
import org.presenceagent.domain.shared.Aor;

/** Reads published presence documents and writes the documents watchers receive. */
public interface DocumentCodec {

  /** The media types accepted in PUBLISH (the {@code Accept} of a 415). */
  Set<String> publishableContentTypes();

  /**
   * Validates and parses a published document. Deviations from its specification that real
   * clients are known to publish and that can be repaired without guessing are repaired, and the
   * returned document's bytes are then the repaired document (docs/document-formats.md, "Lenient
   * reading"): nothing stored or sent to watchers carries them.
   *
   * @throws UnsupportedContentTypeException when the type is not one of
   *     {@link #publishableContentTypes()}
   * @throws InvalidDocumentException when the bytes are not a valid, safe document and cannot be
   *     repaired; the message says what is wrong
   */
  PresenceDocument parse(String contentType, byte[] body);

  /**
   * Like {@link #parse(String, byte[])} for a document that is kept and served back byte for byte
   * (an XCAP document, RFC 4825): every deviation is refused instead of repaired.
   *
   * @throws UnsupportedContentTypeException as {@link #parse(String, byte[])}
   * @throws InvalidDocumentException when the bytes are not a valid, safe document as they are
   */
  PresenceDocument parseStrictly(String contentType, byte[] body);

  /**
   * The document a watcher receives: the presentity's publications composed (oldest first), or a
   * "closed" document when there is none.
   *
   * @param view what the watcher may see (RFC 5025 section 3.3); {@link Transformations#ALL} for
   *     the whole document
   */
  NotifyBody compose(Aor presentity, List<PresenceDocument> publications, String contentType, Transformations view);

  /**
   * The presentity's current RPID sphere (RFC 4480 section 3.6) as stated by the newest of the
   * documents that states one, for sphere conditions (RFC 4745 section 7.2).
   */
  Optional<String> sphere(List<PresenceDocument> documents);

  /**
   * The registered contacts of a presentity as a document that composes with its publications:
   * one open tuple per binding, with the contact and its q as priority.
   */
  PresenceDocument registrations(Aor presentity, List<Binding> bindings);

  /** Whether a document says the presentity is reachable (some tuple has basic status open). */
  boolean isOpen(PresenceDocument document);
}
