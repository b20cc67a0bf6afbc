package org.presenceagent.infrastructure.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.watcher.OfflineWatcher;
import org.presenceagent.domain.watcher.OfflineWatcherRepository;

/**
 * Offline watchers in the {@code offline_watcher} table. Read only when a presentity subscribes
 * to its watcher information, so not indexed in memory.
 */
public final class JpaOfflineWatcherRepository implements OfflineWatcherRepository {

  private final TransactionRunner transactions;

  public JpaOfflineWatcherRepository(TransactionRunner transactions) {
    this.transactions = transactions;
  }

  @Override
  public void save(OfflineWatcher watcher) {
    OfflineWatcherRecord row = new OfflineWatcherRecord(watcher.id());
    row.presentity = watcher.presentity().uri();
    row.watcher = watcher.watcher().uri();
    row.storedAt = watcher.storedAt().toEpochMilli();
    transactions.run(entityManager -> entityManager.persist(row));
  }

  @Override
  public List<OfflineWatcher> findByPresentity(Aor presentity) {
    return transactions.read(entityManager -> entityManager
        .createNamedQuery(OfflineWatcherRecord.BY_PRESENTITY, OfflineWatcherRecord.class)
        .setParameter("presentity", presentity.uri())
        .getResultList()
        .stream()
        .map(row -> new OfflineWatcher(row.id, Aor.parse(row.presentity), Aor.parse(row.watcher),
            Instant.ofEpochMilli(row.storedAt)))
        .toList());
  }

  @Override
  public void remove(Collection<String> ids) {
    if (!ids.isEmpty()) {
      transactions.run(entityManager -> entityManager.createNamedQuery(OfflineWatcherRecord.DELETE)
          .setParameter("ids", List.copyOf(ids))
          .executeUpdate());
    }
  }

  @Override
  public int removeStoredBefore(Instant instant) {
    return transactions.inTransaction(entityManager -> entityManager.createNamedQuery(OfflineWatcherRecord.DELETE_BEFORE)
        .setParameter("instant", instant.toEpochMilli())
        .executeUpdate());
  }
}
