package org.presenceagent.application.port;

/**
 * The operator's view of the cluster (docs/scale-out.md, "Where to see the cluster"): every node in
 * the registry with the subscriptions it owns, the orphans, and how far this node has read its
 * peers' changes. Asked by the consoles (HTTP admin API, JMX) only when an operator looks, never by a
 * SIP thread and never by a metrics scrape: in a cluster each {@link #read()} runs one small set of
 * database queries; a single node answers {@link ClusterView#singleNode()} at once, without any.
 */
public interface ClusterOverview {

  /** {@code cluster=0}: nothing to read. */
  ClusterOverview SINGLE_NODE = new ClusterOverview() {
    @Override
    public boolean clustered() {
      return false;
    }

    @Override
    public ClusterView read() {
      return ClusterView.singleNode();
    }
  };

  /** Whether this node is one of several on a shared database; known without a query. */
  boolean clustered();

  /**
   * The cluster as the shared database sees it now, with this node's own figures.
   *
   * @throws ClusterUnavailableException when the database cannot be read (the view would be a guess)
   */
  ClusterView read();
}
