package org.presenceagent.application.port;

import java.util.List;
import java.util.Set;
import org.presenceagent.domain.presentity.PresenceDocument;
import org.presenceagent.domain.registration.Binding;
import org.presenceagent.domain.shared.Aor;

/** Reads published presence documents and writes the documents watchers receive. */
public interface DocumentCodec {

  /** The media types accepted in PUBLISH (the {@code Accept} of a 415). */
  Set<String> publishableContentTypes();

  /**
   * Validates and parses a published document.
   *
   * @throws UnsupportedContentTypeException when the type is not one of
   *     {@link #publishableContentTypes()}
   * @throws InvalidDocumentException when the bytes are not a valid, safe document; the message
   *     says what is wrong
   */
  PresenceDocument parse(String contentType, byte[] body);

  /**
   * The document a watcher receives: the presentity's publications composed (oldest first), or a
   * "closed" document when there is none.
   */
  NotifyBody compose(Aor presentity, List<PresenceDocument> publications, String contentType);

  /**
   * The registered contacts of a presentity as a document that composes with its publications:
   * one open tuple per binding, with the contact and its q as priority.
   */
  PresenceDocument registrations(Aor presentity, List<Binding> bindings);

  /** Whether a document says the presentity is reachable (some tuple has basic status open). */
  boolean isOpen(PresenceDocument document);
}
