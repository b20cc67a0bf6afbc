package org.presenceagent.infrastructure.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Runs one statement in a transaction of its own on a pooled connection and commits it, so that a
 * lease or fence decision is durable before the caller acts on it. SQL failures become
 * {@link ClusterDatabaseException}: to the caller a failed renewal and an unreachable database mean
 * the same (it may not act as owner), but the cause is kept for the log.
 */
final class ClusterSql {

  /** Binds a statement's parameters. */
  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  /** Reads one row of a result. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  private final DataSource dataSource;

  ClusterSql(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Executes an update without a result; returns the number of rows changed. */
  int update(String sql, Binder binder) {
    return inTransaction(sql, binder, PreparedStatement::executeUpdate);
  }

  /** Executes a query or an update with {@code RETURNING}; returns its rows, committed. */
  <T> List<T> rows(String sql, Binder binder, RowReader<T> reader) {
    return inTransaction(sql, binder, statement -> {
      List<T> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          rows.add(reader.read(result));
        }
      }
      return rows;
    });
  }

  @FunctionalInterface
  private interface Execution<T> {
    T run(PreparedStatement statement) throws SQLException;
  }

  private <T> T inTransaction(String sql, Binder binder, Execution<T> execution) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        binder.bind(statement);
        T result = execution.run(statement);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new ClusterDatabaseException(sql, e);
    }
  }
}
