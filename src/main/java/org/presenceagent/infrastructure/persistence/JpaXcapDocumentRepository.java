package org.presenceagent.infrastructure.persistence;

import java.time.Instant;
import java.util.Optional;
import org.presenceagent.application.xcap.XcapDocumentChanges;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.shared.ETag;
import org.presenceagent.domain.xcap.DocumentSelector;
import org.presenceagent.domain.xcap.XcapDocument;
import org.presenceagent.domain.xcap.XcapDocumentRepository;

/**
 * XCAP documents in the {@code xcap_document} table. Unlike subscriptions they are not indexed in
 * memory: they are read on HTTP requests and when a user's rules are first needed, and whoever
 * needs them often (the authorization) keeps its own parsed copy.
 */
public final class JpaXcapDocumentRepository implements XcapDocumentRepository {

  private final TransactionRunner transactions;
  private final PresentityChangeWrites changes;

  public JpaXcapDocumentRepository(TransactionRunner transactions) {
    this(transactions, PresentityChangeWrites.NONE);
  }

  /**
   * @param changes what a change of a document that nodes keep parsed also writes in its transaction
   *     (cluster: a change-log row, so the other nodes read it again; single node: nothing)
   */
  public JpaXcapDocumentRepository(TransactionRunner transactions, PresentityChangeWrites changes) {
    this.transactions = transactions;
    this.changes = changes;
  }

  @Override
  public Optional<XcapDocument> find(DocumentSelector selector) {
    return transactions.read(entityManager ->
        Optional.ofNullable(entityManager.find(XcapDocumentRecord.class, selector.path())).map(row ->
            new XcapDocument(
                new DocumentSelector(row.auid, Aor.parse(row.xui), row.name),
                new ETag(row.etag),
                row.contentType,
                row.body,
                Instant.ofEpochMilli(row.modifiedAt))));
  }

  @Override
  public void save(XcapDocument document) {
    XcapDocumentRecord row = new XcapDocumentRecord(document.selector().path());
    row.auid = document.selector().auid();
    row.xui = document.selector().user().uri();
    row.name = document.selector().name();
    row.etag = document.etag().value();
    row.contentType = document.contentType();
    row.body = document.body();
    row.modifiedAt = document.modifiedAt().toEpochMilli();
    DurableWrite logged = changeOf(document.selector());
    transactions.run(entityManager -> {
      entityManager.merge(row);
      logged.apply(entityManager);
    });
  }

  /** The change-log row of a cached document's change, written in the change's own transaction. */
  private DurableWrite changeOf(DocumentSelector selector) {
    return XcapDocumentChanges.topic(selector)
        .map(topic -> changes.changed(selector.user(), topic))
        .orElse(DurableWrite.NOTHING);
  }

  @Override
  public long countByUser(Aor user) {
    return transactions.read(entityManager -> entityManager.createNamedQuery(XcapDocumentRecord.COUNT_BY_USER, Long.class)
        .setParameter("xui", user.uri())
        .getSingleResult());
  }

  @Override
  public void remove(DocumentSelector selector) {
    DurableWrite logged = changeOf(selector);
    transactions.run(entityManager -> {
      entityManager.createNamedQuery(XcapDocumentRecord.DELETE)
          .setParameter("path", selector.path())
          .executeUpdate();
      logged.apply(entityManager);
    });
  }
}
