package org.presenceagent.infrastructure.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.presenceagent.domain.presentity.Publication;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.shared.ETag;
import org.presenceagent.domain.shared.RequestId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publications in the {@code publication} table, one statement per change. */
public final class JpaPublicationStore implements PublicationStore {

  private static final Logger LOG = LoggerFactory.getLogger(JpaPublicationStore.class);

  private final TransactionRunner transactions;
  private final StoredDocumentReader documents;

  public JpaPublicationStore(TransactionRunner transactions, StoredDocumentReader documents) {
    this.transactions = transactions;
    this.documents = documents;
  }

  @Override
  public DurableWrite insert(Publication publication) {
    PublicationRecord row = new PublicationRecord(publication.etag().value());
    row.presentity = publication.presentity().uri();
    row.event = publication.event();
    row.contentType = publication.document().contentType();
    row.body = publication.document().bytes();
    row.publishedAt = publication.publishedAt().toEpochMilli();
    row.expiresAt = publication.expiresAt().toEpochMilli();
    row.origin = publication.origin().encode();
    return entityManager -> entityManager.persist(row);
  }

  @Override
  public DurableWrite replace(ETag previous, Publication successor) {
    return entityManager -> entityManager.createNamedQuery(PublicationRecord.REPLACE)
        .setParameter("newEtag", successor.etag().value())
        .setParameter("contentType", successor.document().contentType())
        .setParameter("body", successor.document().bytes())
        .setParameter("expiresAt", successor.expiresAt().toEpochMilli())
        .setParameter("origin", successor.origin().encode())
        .setParameter("etag", previous.value())
        .executeUpdate();
  }

  @Override
  public DurableWrite delete(ETag etag) {
    return entityManager -> entityManager.createNamedQuery(PublicationRecord.DELETE)
        .setParameter("etag", etag.value())
        .executeUpdate();
  }

  @Override
  public List<Publication> loadAll() {
    List<PublicationRecord> rows = transactions.read(entityManager -> entityManager
        .createNamedQuery(PublicationRecord.ALL, PublicationRecord.class)
        .getResultList());
    // Parsing the documents is most of the start-up work: it runs on every core. The repository
    // orders publications itself, so the order of this list does not matter.
    return rows.parallelStream().map(this::toPublication).flatMap(Optional::stream).toList();
  }

  @Override
  public List<Publication> load(Aor presentity, String event) {
    return transactions.read(entityManager -> entityManager
        .createNamedQuery(PublicationRecord.OF_PRESENTITY, PublicationRecord.class)
        .setParameter("presentity", presentity.uri())
        .setParameter("event", event)
        .getResultList()).stream().map(this::toPublication).flatMap(Optional::stream).toList();
  }

  @Override
  public List<Aor> presentities() {
    return transactions.read(entityManager -> entityManager
        .createNamedQuery(PublicationRecord.PRESENTITIES, String.class)
        .getResultList()).stream().map(Aor::parse).toList();
  }

  private Optional<Publication> toPublication(PublicationRecord row) {
    try {
      return Optional.of(new Publication(
          new ETag(row.etag),
          Aor.parse(row.presentity),
          row.event,
          documents.read(row.contentType, row.body),
          Instant.ofEpochMilli(row.publishedAt),
          Instant.ofEpochMilli(row.expiresAt),
          RequestId.decode(row.origin)));
    } catch (RuntimeException e) {
      // A row this version cannot read must not stop the server; it is left in place for inspection.
      LOG.error("stored publication {} of {} cannot be read and is skipped: {}", row.etag, row.presentity, e.getMessage());
      return Optional.empty();
    }
  }
}
