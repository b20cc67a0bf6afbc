package org.presenceagent.infrastructure.persistence;

import java.util.Map;
import java.util.Optional;
import org.presenceagent.domain.shared.ETag;
import org.presenceagent.domain.shared.Aor;
import java.util.concurrent.ConcurrentHashMap;
import org.presenceagent.domain.xcap.DocumentSelector;
import org.presenceagent.domain.xcap.XcapDocument;
import org.presenceagent.domain.xcap.XcapDocumentRepository;

/** XCAP documents in memory only ({@code use_db=0}): lost on restart. */
public final class InMemoryXcapDocumentRepository implements XcapDocumentRepository {

  private final Map<DocumentSelector, XcapDocument> documents = new ConcurrentHashMap<>();

  @Override
  public Optional<XcapDocument> find(DocumentSelector selector) {
    return Optional.ofNullable(documents.get(selector));
  }

  @Override
  public boolean replace(XcapDocument document, Optional<ETag> expected) {
    boolean[] replaced = new boolean[1];
    documents.compute(document.selector(), (selector, stored) -> {
      replaced[0] = Optional.ofNullable(stored).map(XcapDocument::etag).equals(expected);
      return replaced[0] ? document : stored;
    });
    return replaced[0];
  }

  @Override
  public boolean remove(DocumentSelector selector, ETag expected) {
    boolean[] removed = new boolean[1];
    documents.computeIfPresent(selector, (key, stored) -> {
      removed[0] = stored.etag().equals(expected);
      return removed[0] ? null : stored;
    });
    return removed[0];
  }

  @Override
  public long countByUser(Aor user) {
    return documents.keySet().stream().filter(selector -> selector.user().equals(user)).count();
  }
}
