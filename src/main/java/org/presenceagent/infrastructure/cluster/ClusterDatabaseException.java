package org.presenceagent.infrastructure.cluster;

import java.sql.SQLException;

/** A registry or ownership statement failed (database unreachable, restarting, refused). */
public final class ClusterDatabaseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  ClusterDatabaseException(String sql, SQLException cause) {
    super("cluster statement failed (" + cause.getSQLState() + "): " + cause.getMessage() + " [" + firstWords(sql) + "]", cause);
  }

  private static String firstWords(String sql) {
    return sql.length() <= 60 ? sql : sql.substring(0, 60) + "...";
  }
}
