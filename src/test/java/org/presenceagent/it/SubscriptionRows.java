package org.presenceagent.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import javax.sql.DataSource;
import org.presenceagent.infrastructure.cluster.NodeFence;

/**
 * Minimal valid {@code subscription} rows {@code sub-0..sub-(n-1)} for the cluster tests, which look
 * only at ids, owners and CSeq ceilings (stored {@code local_cseq} 100).
 */
final class SubscriptionRows {

  private static final String INSERT = "INSERT INTO subscription (id, call_id, watcher_tag, event, event_id, presentity,"
      + " watcher, content_type, state, created_at, expires_at, local_tag, remote_target, route_set, remote_cseq,"
      + " local_cseq, transport, version, owner_node, owner_generation) VALUES (?, ?, 'wtag', 'presence', '',"
      + " 'sip:p@example.com', 'sip:w@example.com', 'application/pidf+xml', 'ACTIVE', 0, 0, 'ltag', 'sip:w@127.0.0.1',"
      + " '', 1, 100, 'udp', 100, ?, ?)";

  private SubscriptionRows() {}

  /** Rows without an owner (as a single node writes them). */
  static void insert(DataSource dataSource, int count) throws SQLException {
    insert(dataSource, count, null);
  }

  /** Rows owned by {@code owner} (null: none). */
  static void insert(DataSource dataSource, int count, NodeFence owner) throws SQLException {
    try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(INSERT)) {
      for (int i = 0; i < count; i++) {
        statement.setString(1, "sub-" + i);
        statement.setString(2, "call-" + i);
        if (owner == null) {
          statement.setNull(3, Types.VARCHAR);
          statement.setNull(4, Types.BIGINT);
        } else {
          statement.setString(3, owner.nodeId());
          statement.setLong(4, owner.generation());
        }
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }
}
