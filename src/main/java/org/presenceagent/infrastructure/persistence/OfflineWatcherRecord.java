package org.presenceagent.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A stored offline watcher (table {@code offline_watcher}). */
@Entity
@Table(name = "offline_watcher")
@NamedQueries({
  @NamedQuery(name = OfflineWatcherRecord.BY_PRESENTITY,
      query = "SELECT w FROM OfflineWatcherRecord w WHERE w.presentity = :presentity ORDER BY w.storedAt"),
  @NamedQuery(name = OfflineWatcherRecord.DELETE, query = "DELETE FROM OfflineWatcherRecord w WHERE w.id IN :ids"),
  @NamedQuery(name = OfflineWatcherRecord.DELETE_BEFORE,
      query = "DELETE FROM OfflineWatcherRecord w WHERE w.storedAt < :instant")
})
public class OfflineWatcherRecord {

  static final String BY_PRESENTITY = "OfflineWatcherRecord.byPresentity";
  static final String DELETE = "OfflineWatcherRecord.delete";
  static final String DELETE_BEFORE = "OfflineWatcherRecord.deleteBefore";

  @Id
  @Column(name = "id")
  String id;

  @Column(name = "presentity")
  String presentity;

  @Column(name = "watcher")
  String watcher;

  @Column(name = "stored_at")
  long storedAt;

  /** For JPA. */
  protected OfflineWatcherRecord() {}

  OfflineWatcherRecord(String id) {
    this.id = id;
  }
}
