package org.presenceagent.infrastructure.persistence;

import java.util.List;
import java.util.Optional;
import org.presenceagent.application.identity.Subscriber;
import org.presenceagent.application.identity.SubscriberTable;
import org.presenceagent.domain.shared.Aor;

/** The subscribers managed at run time in the {@code subscriber} table (read once at start-up). */
public final class JpaSubscriberTable implements SubscriberTable {

  private final TransactionRunner transactions;

  public JpaSubscriberTable(TransactionRunner transactions) {
    this.transactions = transactions;
  }

  @Override
  public List<Subscriber> loadAll() {
    return transactions.read(entityManager -> entityManager
        .createNamedQuery(SubscriberRecord.ALL, SubscriberRecord.class)
        .getResultList().stream()
        .map(row -> new Subscriber(Aor.parse(row.aor), row.realm, Optional.ofNullable(row.ha1Md5),
            Optional.ofNullable(row.ha1bMd5), Optional.ofNullable(row.ha1Sha256), Optional.ofNullable(row.ha1bSha256),
            false))
        .toList());
  }

  @Override
  public void save(Subscriber subscriber) {
    SubscriberRecord row = new SubscriberRecord(subscriber.aor().uri());
    row.realm = subscriber.realm();
    row.ha1Md5 = subscriber.md5().orElse(null);
    row.ha1bMd5 = subscriber.md5b().orElse(null);
    row.ha1Sha256 = subscriber.sha256().orElse(null);
    row.ha1bSha256 = subscriber.sha256b().orElse(null);
    transactions.run(entityManager -> entityManager.merge(row));
  }

  @Override
  public void delete(Aor aor) {
    transactions.run(entityManager -> entityManager.createNamedQuery(SubscriberRecord.DELETE)
        .setParameter("aor", aor.uri())
        .executeUpdate());
  }
}
