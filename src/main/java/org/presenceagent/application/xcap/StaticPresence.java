package org.presenceagent.application.xcap;

import java.util.Optional;
import java.util.function.Function;
import org.presenceagent.application.ParsedDocuments;
import org.presenceagent.application.port.DocumentCodec;
import org.presenceagent.application.port.InvalidDocumentException;
import org.presenceagent.domain.presentity.PresenceDocument;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.xcap.DocumentSelector;
import org.presenceagent.domain.xcap.XcapDocumentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A presentity's static presence: its {@code pidf-manipulation} document (RFC 4827,
 * {@code pidf-manipulation/users/<xui>/index}), composed into what watchers see together with
 * its publications. Parsed once and kept until the document changes.
 */
public final class StaticPresence implements Function<Aor, Optional<PresenceDocument>> {

  public static final String AUID = "pidf-manipulation";
  /** RFC 4827 section 4.7: the one document of a user. */
  public static final String DOCUMENT_NAME = "index";
  public static final String CONTENT_TYPE = "application/pidf+xml";

  private static final Logger LOG = LoggerFactory.getLogger(StaticPresence.class);

  private final XcapDocumentRepository documents;
  private final DocumentCodec codec;
  private final ParsedDocuments<PresenceDocument> parsed;

  /** @param maxEntries most presentities whose parsed document is kept ({@code max_cached_documents}) */
  public StaticPresence(XcapDocumentRepository documents, DocumentCodec codec, int maxEntries) {
    this.documents = documents;
    this.codec = codec;
    this.parsed = new ParsedDocuments<>(maxEntries, this::load);
  }

  public static boolean isStaticPresence(DocumentSelector selector) {
    return AUID.equals(selector.auid()) && DOCUMENT_NAME.equals(selector.name());
  }

  @Override
  public Optional<PresenceDocument> apply(Aor presentity) {
    return parsed.get(presentity);
  }

  public void invalidate(Aor presentity) {
    parsed.invalidate(presentity);
  }

  /** Forgets every parsed copy: each is read from the store at its next use. */
  public void invalidateAll() {
    parsed.invalidateAll();
  }

  /** Another node changed the document: read again and swapped in whole, if kept ({@link ParsedDocuments#reload}). */
  public void reload(Aor presentity) {
    parsed.reload(presentity);
  }

  private Optional<PresenceDocument> load(Aor presentity) {
    return documents.find(new DocumentSelector(AUID, presentity, DOCUMENT_NAME)).flatMap(document -> {
      try {
        return Optional.of(codec.parse(CONTENT_TYPE, document.body()));
      } catch (InvalidDocumentException e) {
        LOG.error("stored static presence of {} cannot be read, leaving it out: {}", presentity, e.getMessage());
        return Optional.empty();
      }
    });
  }
}
