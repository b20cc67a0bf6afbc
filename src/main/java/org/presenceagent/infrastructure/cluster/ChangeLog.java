package org.presenceagent.infrastructure.cluster;

import static org.presenceagent.infrastructure.cluster.PostgresTime.NOW_MILLIS;

import java.util.Optional;
import org.presenceagent.domain.event.EventPackage;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.infrastructure.persistence.DurableWrite;

/**
 * The writing side of the change log (docs/scale-out.md, "Change propagation"): a row per changed
 * presentity, written by the group commit in the same transaction as the change itself, so a change
 * is in the log exactly when it is committed, plus a {@code pg_notify} that wakes the other nodes'
 * {@link ChangeFeed}s at commit. PostgreSQL delivers a transaction's notifications only if it commits
 * and folds identical ones into one, so a batch of many changes wakes each reader once.
 */
public final class ChangeLog {

  /** The channel the feeds listen on. */
  static final String CHANNEL = "presence_change";
  private static final String APPEND = "INSERT INTO change_log (presentity, event, node_id, changed_at)"
      + " VALUES (?1, ?2, ?3, " + NOW_MILLIS + ")";
  private static final String APPEND_WATCHER = "INSERT INTO change_log (presentity, event, node_id, changed_at,"
      + " subscription_id, end_event) VALUES (?1, ?2, ?3, " + NOW_MILLIS + ", ?4, ?5)";
  private static final String WAKE = "SELECT pg_notify('" + CHANNEL + "', '')";

  private final String nodeId;

  public ChangeLog(String nodeId) {
    this.nodeId = NodeFence.requireValidNodeId(nodeId);
  }

  /** The write that records a change of {@code presentity}'s {@code event} state in its transaction. */
  public DurableWrite changed(Aor presentity, String event) {
    String uri = presentity.uri();
    return entityManager -> {
      entityManager.createNativeQuery(APPEND)
          .setParameter(1, uri)
          .setParameter(2, event)
          .setParameter(3, nodeId)
          .executeUpdate();
      entityManager.createNativeQuery(WAKE).getSingleResult();
    };
  }

  /**
   * The write that records, in its transaction, a change of one of {@code subscription}'s presentity's
   * presence watchers (created, its state changed, removed) for the presentity's {@code presence.winfo}
   * watchers on the other nodes (RFC 3857 section 3.4).
   *
   * @param endEvent the event that ended it, when the change is its removal
   */
  public DurableWrite watcherChanged(Subscription subscription, Optional<String> endEvent) {
    String uri = subscription.presentity().uri();
    String id = subscription.key().asText();
    return entityManager -> {
      entityManager.createNativeQuery(APPEND_WATCHER)
          .setParameter(1, uri)
          .setParameter(2, EventPackage.PRESENCE_WINFO.name())
          .setParameter(3, nodeId)
          .setParameter(4, id)
          .setParameter(5, endEvent.orElse(null))
          .executeUpdate();
      entityManager.createNativeQuery(WAKE).getSingleResult();
    };
  }
}
