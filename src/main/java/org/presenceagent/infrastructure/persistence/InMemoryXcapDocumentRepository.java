package org.presenceagent.infrastructure.persistence;

import java.util.Map;
import java.util.Optional;
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
  public void save(XcapDocument document) {
    documents.put(document.selector(), document);
  }

  @Override
  public void remove(DocumentSelector selector) {
    documents.remove(selector);
  }

  @Override
  public long countByUser(Aor user) {
    return documents.keySet().stream().filter(selector -> selector.user().equals(user)).count();
  }
}
