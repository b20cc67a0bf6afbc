package org.presenceagent.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;

/** A stored subscription with its dialog state (table {@code subscription}). */
@Entity
@Table(name = "subscription")
@NamedQueries({
  // Loaded once at start-up and copied into the domain: read-only skips EclipseLink's working copies.
  @NamedQuery(name = SubscriptionRecord.ALL, query = "SELECT s FROM SubscriptionRecord s",
      hints = @QueryHint(name = "eclipselink.read-only", value = "true")),
  // Cluster mode: the subscriptions this node owns (at start-up, after a takeover).
  @NamedQuery(name = SubscriptionRecord.WITH_IDS, query = "SELECT s FROM SubscriptionRecord s WHERE s.id IN :ids",
      hints = @QueryHint(name = "eclipselink.read-only", value = "true")),
  // Cluster mode: a presentity's watchers whichever node owns them (watcher information).
  @NamedQuery(name = SubscriptionRecord.BY_PRESENTITY, query = "SELECT s FROM SubscriptionRecord s"
      + " WHERE s.presentity = :presentity AND s.event = :event",
      hints = @QueryHint(name = "eclipselink.read-only", value = "true")),
  @NamedQuery(name = SubscriptionRecord.DELETE, query = "DELETE FROM SubscriptionRecord s WHERE s.id = :id"),
  // One UPDATE statement for a refresh, without reading the row first.
  @NamedQuery(name = SubscriptionRecord.UPDATE_STATE, query = "UPDATE SubscriptionRecord s SET"
      + " s.state = :state, s.reason = :reason, s.expiresAt = :expiresAt, s.remoteTarget = :remoteTarget,"
      + " s.remoteCseq = :remoteCseq, s.localCseq = :localCseq, s.version = :version, s.minRate = :minRate,"
      + " s.maxRate = :maxRate, s.adaptiveMinRate = :adaptiveMinRate WHERE s.id = :id")
})
public class SubscriptionRecord {

  static final String ALL = "SubscriptionRecord.all";
  static final String WITH_IDS = "SubscriptionRecord.withIds";
  static final String BY_PRESENTITY = "SubscriptionRecord.byPresentity";
  static final String DELETE = "SubscriptionRecord.delete";
  static final String UPDATE_STATE = "SubscriptionRecord.updateState";

  @Id
  @Column(name = "id")
  String id;

  @Column(name = "call_id")
  String callId;

  @Column(name = "watcher_tag")
  String watcherTag;

  @Column(name = "event")
  String event;

  @Column(name = "event_id")
  String eventId;

  @Column(name = "presentity")
  String presentity;

  @Column(name = "watcher")
  String watcher;

  @Column(name = "watcher_display_name")
  String watcherDisplayName;

  @Column(name = "content_type")
  String contentType;

  @Column(name = "state")
  String state;

  @Column(name = "reason")
  String reason;

  @Column(name = "created_at")
  long createdAt;

  @Column(name = "expires_at")
  long expiresAt;

  @Column(name = "local_tag")
  String localTag;

  @Column(name = "remote_target")
  String remoteTarget;

  @Column(name = "route_set")
  String routeSet;

  @Column(name = "remote_cseq")
  long remoteCseq;

  @Column(name = "local_cseq")
  long localCseq;

  @Column(name = "transport")
  String transport;

  @Column(name = "min_rate")
  Double minRate;

  @Column(name = "max_rate")
  Double maxRate;

  @Column(name = "adaptive_min_rate")
  Double adaptiveMinRate;

  @Column(name = "version")
  long version;

  /** For JPA. */
  protected SubscriptionRecord() {}

  SubscriptionRecord(String id) {
    this.id = id;
  }
}
