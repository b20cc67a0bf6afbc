package org.presenceagent.jmx;

import javax.management.openmbean.CompositeData;

/**
 * {@code org.presenceagent:type=Cluster,name=<jmx_name>}: the nodes sharing the database, the
 * subscriptions each owns, the orphans and this node's change-log lag (docs/scale-out.md, "Where to
 * see the cluster"). Reading {@link #getOverview()} runs one small set of database queries in a
 * cluster (never on a schedule: only when a console reads it) and none on a single node.
 */
public interface ClusterMBean {

  /** {@code single node} ({@code cluster=0}) or {@code cluster}; no database access. */
  String getMode();

  /**
   * The whole view as one composite, so that its parts are of one read: the same items as
   * {@code GET /admin/cluster}, with {@code nodes} an array of one composite per node.
   */
  CompositeData getOverview();
}
