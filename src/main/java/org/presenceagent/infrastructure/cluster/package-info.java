/**
 * Scale-out on a shared PostgreSQL (design: {@code docs/scale-out.md}): the registry of nodes with
 * leases and generations, and the ownership of subscriptions fenced by them.
 *
 * <p>What belongs here: the statements and the local bookkeeping that decide which node may act for
 * a dialog. They are PostgreSQL statements on plain JDBC (one short autocommitted statement each:
 * {@code ON CONFLICT}, {@code RETURNING} and {@code FOR UPDATE SKIP LOCKED} have no JPQL form, and a
 * lease renewal must not wait in the group commit's queue behind request writes). Every time in the
 * protocol is the database's clock ({@link PostgresTime}), so the nodes' clocks may disagree.
 */
package org.presenceagent.infrastructure.cluster;
