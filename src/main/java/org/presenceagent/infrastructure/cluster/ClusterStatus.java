package org.presenceagent.infrastructure.cluster;

/**
 * What a cluster node tells its operator (metrics, and through them JMX): whether it holds its
 * lease, and how far it has read the other nodes' changes. Read when scraped; every value is a
 * volatile read, never a database round trip.
 */
public interface ClusterStatus {

  /** Whether the node holds its lease by its local deadline (it may send NOTIFYs). */
  boolean leaseHeld();

  /** The generation of the incarnation holding the lease, 0 without one. */
  long generation();

  /** The highest change-log sequence number read. */
  long changeLogPosition();

  /** Milliseconds since the change log was last read: how stale the node's view of its peers' changes may be. */
  long millisSinceLastRead();

  /** Changes of other nodes applied so far. */
  long changesApplied();

  /** In-dialog SUBSCRIBEs refused with 503 because a live node owns their dialog. */
  long ownerAliveRefusals();

  /** Dialogs taken over because an in-dialog SUBSCRIBE reached this node after their owner's lease lapsed. */
  long dialogsAdopted();
}
