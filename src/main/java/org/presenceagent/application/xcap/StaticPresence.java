package org.presenceagent.application.xcap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import java.util.function.Function;
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
  /**
   * Keyed by presentities that SUBSCRIBEs name, any a client chooses, so bounded (least used
   * dropped first); the absence of a document is cached too, a client repeating one unknown name
   * costs one lookup, and the entry goes with the next change of that document.
   */
  private final Cache<Aor, Optional<PresenceDocument>> parsed;

  /** @param maxEntries most presentities whose parsed document is kept ({@code max_cached_documents}) */
  public StaticPresence(XcapDocumentRepository documents, DocumentCodec codec, int maxEntries) {
    this.documents = documents;
    this.codec = codec;
    this.parsed = Caffeine.newBuilder().maximumSize(maxEntries).build();
  }

  public static boolean isStaticPresence(DocumentSelector selector) {
    return AUID.equals(selector.auid()) && DOCUMENT_NAME.equals(selector.name());
  }

  @Override
  public Optional<PresenceDocument> apply(Aor presentity) {
    return parsed.get(presentity, this::load);
  }

  public void invalidate(Aor presentity) {
    parsed.invalidate(presentity);
  }

  /** Forgets every parsed copy: each is read from the store at its next use. */
  public void invalidateAll() {
    parsed.invalidateAll();
  }

  /**
   * Reads the presentity's document from the store again and swaps the parsed copy in whole, if one
   * is kept (another node changed it); one not kept is read at its next use anyway. A read that
   * fails drops the copy, so the next use reads again.
   */
  public void reload(Aor presentity) {
    try {
      parsed.asMap().computeIfPresent(presentity, (key, stale) -> load(key));
    } catch (RuntimeException e) {
      parsed.invalidate(presentity); // never keep the stale copy: the next use reads the store again
      throw e;
    }
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
