package org.presenceagent.infrastructure.persistence;

import jakarta.persistence.PersistenceException;
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

  /**
   * A new document is inserted (a concurrent insert of the same path, on another node, fails the
   * transaction on the primary key); a replacement is an UPDATE that names the entity tag read, so
   * it matches no row once another writer got there first. Either way the change-log row is
   * written only with the change, in its transaction.
   */
  @Override
  public boolean replace(XcapDocument document, Optional<ETag> expected) {
    DurableWrite logged = changeOf(document.selector());
    try {
      return transactions.inTransaction(entityManager -> {
        if (expected.isEmpty()) {
          if (entityManager.find(XcapDocumentRecord.class, document.selector().path()) != null) {
            return false;
          }
          entityManager.persist(row(document));
          entityManager.flush();
        } else if (entityManager.createNamedQuery(XcapDocumentRecord.REPLACE)
            .setParameter("etag", document.etag().value())
            .setParameter("contentType", document.contentType())
            .setParameter("body", document.body())
            .setParameter("modifiedAt", document.modifiedAt().toEpochMilli())
            .setParameter("path", document.selector().path())
            .setParameter("expected", expected.get().value())
            .executeUpdate() != 1) {
          return false;
        }
        logged.apply(entityManager);
        return true;
      });
    } catch (PersistenceException e) {
      if (expected.isEmpty() && find(document.selector()).isPresent()) {
        return false; // another writer created it between our read and our insert
      }
      throw e;
    }
  }

  private static XcapDocumentRecord row(XcapDocument document) {
    XcapDocumentRecord row = new XcapDocumentRecord(document.selector().path());
    row.auid = document.selector().auid();
    row.xui = document.selector().user().uri();
    row.name = document.selector().name();
    row.etag = document.etag().value();
    row.contentType = document.contentType();
    row.body = document.body();
    row.modifiedAt = document.modifiedAt().toEpochMilli();
    return row;
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
  public boolean remove(DocumentSelector selector, ETag expected) {
    DurableWrite logged = changeOf(selector);
    return transactions.inTransaction(entityManager -> {
      if (entityManager.createNamedQuery(XcapDocumentRecord.DELETE)
          .setParameter("path", selector.path())
          .setParameter("etag", expected.value())
          .executeUpdate() != 1) {
        return false;
      }
      logged.apply(entityManager);
      return true;
    });
  }
}
