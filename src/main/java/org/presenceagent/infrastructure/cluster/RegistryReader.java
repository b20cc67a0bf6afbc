package org.presenceagent.infrastructure.cluster;

import static org.presenceagent.infrastructure.cluster.PostgresTime.NOW_MILLIS;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads the registry and the owners for the operator's view: two statements in one read-only
 * {@code REPEATABLE READ} transaction, so the owner counts, the total and the log's head are of one
 * snapshot and the orphans (total minus what live nodes own) cannot come out negative.
 *
 * <p>The owner counts group the subscription table (no index on the owner: a single node's inserts
 * must not pay for one), a sequential scan of a narrow table, which is why this runs only when an
 * operator asks, one read at a time, and never on a metrics scrape or a SIP thread.
 */
final class RegistryReader {

  private static final String TOTALS = "SELECT " + NOW_MILLIS + ", (SELECT COUNT(*) FROM subscription),"
      + " (SELECT COALESCE(MAX(seq), 0) FROM change_log)";
  private static final String NODES = "SELECT n.node_id, n.generation, n.joined_at, COALESCE(n.renewed_at, n.joined_at),"
      + " n.lease_until, COUNT(s.id) FROM cluster_node n"
      + " LEFT JOIN subscription s ON s.owner_node = n.node_id AND s.owner_generation = n.generation"
      + " GROUP BY n.node_id, n.generation, n.joined_at, n.renewed_at, n.lease_until ORDER BY n.node_id";
  /** An operator's page should say "unavailable" rather than hang on a stuck database. */
  private static final int QUERY_TIMEOUT_SECONDS = 5;

  private final DataSource dataSource;

  RegistryReader(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * One read; callers are serialised, so the consoles use at most one of the pool's connections.
   *
   * @throws ClusterDatabaseException when the database cannot be read
   */
  synchronized RegistrySnapshot read() {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      connection.setReadOnly(true);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try {
        RegistrySnapshot snapshot = read(connection);
        connection.commit();
        return snapshot;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        // A pooled connection goes back as the pool's other users expect it.
        connection.setReadOnly(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      }
    } catch (SQLException e) {
      throw new ClusterDatabaseException(TOTALS + "; " + NODES, e);
    }
  }

  private static RegistrySnapshot read(Connection connection) throws SQLException {
    long databaseMillis;
    long subscriptions;
    long head;
    try (PreparedStatement totals = connection.prepareStatement(TOTALS)) {
      totals.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      try (ResultSet row = totals.executeQuery()) {
        row.next();
        databaseMillis = row.getLong(1);
        subscriptions = row.getLong(2);
        head = row.getLong(3);
      }
    }
    List<RegistrySnapshot.NodeRow> nodes = new ArrayList<>();
    try (PreparedStatement registry = connection.prepareStatement(NODES)) {
      registry.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      try (ResultSet row = registry.executeQuery()) {
        while (row.next()) {
          nodes.add(new RegistrySnapshot.NodeRow(row.getString(1), row.getLong(2), row.getLong(3), row.getLong(4),
              row.getLong(5), row.getLong(6)));
        }
      }
    }
    return new RegistrySnapshot(databaseMillis, nodes, subscriptions, head);
  }
}
