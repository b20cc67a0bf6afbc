package org.presenceagent.infrastructure.config;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The scale-out parameters (docs/scale-out.md): whether this node is one of several on a shared
 * PostgreSQL, its name, its lease and how often it reads the change log without a wake-up.
 *
 * @param nodeId empty: the launcher's default (host name and SIP port)
 */
public record ClusterSettings(boolean enabled, Optional<String> nodeId, Duration lease, Duration pollInterval) {

  /** The node name's column is 128 characters; these characters keep logs and JMX names readable. */
  private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final String POSTGRESQL_URL = "jdbc:postgresql:";

  static ClusterSettings read(boolean enabled, String nodeId, long leaseSeconds, long pollMillis) {
    if (!nodeId.isEmpty() && !NODE_ID.matcher(nodeId).matches()) {
      throw new InvalidSettingException("invalid parameter node_id=" + nodeId
          + ": must be 1 to 128 letters, digits, '.', '_', ':' or '-'");
    }
    return new ClusterSettings(enabled, nodeId.isEmpty() ? Optional.empty() : Optional.of(nodeId),
        Duration.ofSeconds(leaseSeconds), Duration.ofMillis(pollMillis));
  }

  /**
   * Refuses cluster mode on a database that cannot carry it: the lease, the change log's wake-ups
   * ({@code LISTEN}/{@code NOTIFY}) and the fenced statements are PostgreSQL's, and an embedded H2
   * is one process's file. The container's data source (db_jndi_name) is not supported yet.
   */
  void requireSharedPostgres(boolean useDb, Optional<String> dbUrl, Optional<String> dbJndiName) {
    if (!enabled) {
      return;
    }
    if (!useDb) {
      throw new InvalidSettingException("invalid parameter cluster=1: needs use_db=1 (the nodes share their state"
          + " through the database)");
    }
    if (dbJndiName.isPresent()) {
      throw new InvalidSettingException("invalid parameter cluster=1: not supported with db_jndi_name yet; give the"
          + " PostgreSQL database as db_url=jdbc:postgresql://host:port/database");
    }
    if (dbUrl.filter(url -> url.startsWith(POSTGRESQL_URL)).isEmpty()) {
      throw new InvalidSettingException("invalid parameter cluster=1: needs a shared PostgreSQL database, db_url="
          + POSTGRESQL_URL + "//host:port/database (db_url is " + dbUrl.orElse("empty: the embedded H2 database")
          + ", which only one process can use)");
    }
  }
}
