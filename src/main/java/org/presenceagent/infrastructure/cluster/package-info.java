/**
 * Scale-out on a shared PostgreSQL (design: {@code docs/scale-out.md}): the registry of nodes with
 * leases and generations, the ownership of subscriptions fenced by them, the change log, and their
 * wiring into a running node.
 *
 * <p>What belongs here: the statements and the local bookkeeping that decide which node may act for
 * a dialog. They are PostgreSQL statements on plain JDBC (one short autocommitted statement each:
 * {@code ON CONFLICT}, {@code RETURNING} and {@code FOR UPDATE SKIP LOCKED} have no JPQL form, and a
 * lease renewal must not wait in the group commit's queue behind request writes), except the
 * writes that must commit with a change (the change-log row, the claim and the fence check of a
 * subscription's row), which are {@code DurableWrite}s of the change's own unit of work. Every time
 * in the protocol is the database's clock ({@link PostgresTime}), so the nodes' clocks may disagree.
 *
 * <p>Also here: {@link ClusterMode}, the one thing the composition root knows of scale-out. It hands
 * out the parts a node uses (stores, NOTIFY sender, CSeq reservations) unchanged for a single node
 * and wrapped by the membership for a cluster, so start-up has no cluster branch, and a single node
 * pays nothing for the cluster's existence.
 */
package org.presenceagent.infrastructure.cluster;
