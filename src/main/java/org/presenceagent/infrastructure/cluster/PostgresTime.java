package org.presenceagent.infrastructure.cluster;

/**
 * The database's clock in the schema's unit (epoch milliseconds, like every time column): leases are
 * granted and checked against one clock, the server's, whatever the nodes' clocks say.
 * {@code clock_timestamp()} rather than {@code now()}: {@code now()} is frozen at the start of the
 * transaction, and a lease check must see the moment the statement runs.
 */
final class PostgresTime {

  /** SQL expression: the database's current time in epoch milliseconds. */
  static final String NOW_MILLIS = "(EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT";

  private PostgresTime() {}
}
