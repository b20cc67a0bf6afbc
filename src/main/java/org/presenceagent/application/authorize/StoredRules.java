package org.presenceagent.application.authorize;

import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.presenceagent.application.ParsedDocuments;
import org.presenceagent.application.port.RejectedDocumentException;
import org.presenceagent.application.port.RulesDocumentReader;
import org.presenceagent.domain.auth.PresRules;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.xcap.DocumentSelector;
import org.presenceagent.domain.xcap.XcapDocumentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each presentity's pres-rules from the built-in XCAP server's store (same process, no HTTP):
 * {@code pres-rules/users/<presentity>/presence-rules.xml}, the seed's document name. Parsed once
 * and kept until the document changes, so deciding on a SUBSCRIBE costs a map lookup after the
 * first one.
 */
public final class StoredRules implements Function<Aor, Optional<PresRules>> {

  /** The seed's document name (RFC 5025 section 9.7 would call it {@code index}). */
  public static final String DOCUMENT_NAME = "presence-rules.xml";
  public static final String AUID = "pres-rules";

  private static final Logger LOG = LoggerFactory.getLogger(StoredRules.class);

  private final XcapDocumentRepository documents;
  private final RulesDocumentReader reader;
  private final ParsedDocuments<PresRules> parsed;
  private final LongAdder lookups = new LongAdder();
  private final LongAdder misses = new LongAdder();

  /** @param maxEntries most presentities whose parsed rules are kept ({@code max_cached_documents}) */
  public StoredRules(XcapDocumentRepository documents, RulesDocumentReader reader, int maxEntries) {
    this.documents = documents;
    this.reader = reader;
    this.parsed = new ParsedDocuments<>(maxEntries, this::load);
  }

  /** Whether the selector names a presentity's rules document. */
  public static boolean isRulesDocument(DocumentSelector selector) {
    return AUID.equals(selector.auid()) && DOCUMENT_NAME.equals(selector.name());
  }

  @Override
  public Optional<PresRules> apply(Aor presentity) {
    lookups.increment();
    return parsed.get(presentity);
  }

  /** Lookups answered from the parsed rules in memory (for the metrics). */
  public long hits() {
    return lookups.sum() - misses.sum();
  }

  /** Lookups that had to read and parse the stored document. */
  public long misses() {
    return misses.sum();
  }

  /** Forgets the parsed rules of a presentity whose document changed. */
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

  private Optional<PresRules> load(Aor presentity) {
    misses.increment();
    return documents.find(new DocumentSelector(AUID, presentity, DOCUMENT_NAME)).flatMap(document -> {
      try {
        return Optional.of(reader.read(document.body()));
      } catch (RejectedDocumentException e) {
        // Validated when stored; only a document stored by another version can get here. Without
        // readable rules every watcher is pending, which shows nobody anything by mistake.
        LOG.error("stored pres-rules of {} cannot be read, treating them as absent: {}", presentity, e.getMessage());
        return Optional.empty();
      }
    });
  }
}
