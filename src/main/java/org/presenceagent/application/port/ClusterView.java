package org.presenceagent.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The cluster as an operator sees it (docs/scale-out.md): the node registry with owner counts, read
 * from the shared database at {@code databaseTime}, and this node's own figures, read from memory.
 *
 * @param clustered false for a single node ({@code cluster=0}): every other member is then empty or zero
 * @param nodeId this node's name in the registry
 * @param databaseTime the database's clock when the registry was read: "alive" and "lapsed" are by this clock
 * @param leaseHeld whether this node holds its lease by its local deadline (it may send NOTIFYs)
 * @param generation the generation of this node's incarnation, 0 without a lease
 * @param nodes every node that ever joined, by name
 * @param subscriptions every stored subscription
 * @param orphanedSubscriptions subscriptions whose owner holds no valid lease (or that have none): the
 *     next takeover round of a live node claims them
 * @param changeFeed how far this node has read its peers' changes
 * @param ownerAliveRefusals in-dialog SUBSCRIBEs this node answered 503 because a live node owns the dialog
 * @param dialogsAdopted dialogs this node took over because an in-dialog SUBSCRIBE reached it after their
 *     owner's lease lapsed
 */
public record ClusterView(boolean clustered, String nodeId, Instant databaseTime, boolean leaseHeld, long generation,
    List<Member> nodes, long subscriptions, long orphanedSubscriptions, ChangeFeedLag changeFeed,
    long ownerAliveRefusals, long dialogsAdopted) {

  private static final ClusterView SINGLE_NODE = new ClusterView(false, "", Instant.EPOCH, false, 0, List.of(), 0, 0,
      new ChangeFeedLag(0, 0, 0, 0), 0, 0);

  public ClusterView {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(databaseTime, "databaseTime");
    nodes = List.copyOf(nodes);
    Objects.requireNonNull(changeFeed, "changeFeed");
  }

  /** A node that shares its state with nobody. */
  public static ClusterView singleNode() {
    return SINGLE_NODE;
  }

  /** What the consoles print as the node's mode. */
  public String mode() {
    return mode(clustered);
  }

  /** {@code cluster} or {@code single node}. */
  public static String mode(boolean clustered) {
    return clustered ? "cluster" : "single node";
  }

  /**
   * One node of the registry (table {@code cluster_node}).
   *
   * @param generation its current incarnation; subscriptions of an older one are orphans
   * @param self whether it is the node answering
   * @param startedAt when this generation joined
   * @param lastRenewal when its lease was last renewed (or granted at the join)
   * @param leaseUntil when its lease ends, by the database's clock; a clean stop ends it at once
   * @param leaseLeftMillis {@code leaseUntil} minus the database time of the read; zero or less: lapsed
   * @param subscriptionsOwned subscriptions owned by this generation (orphans too, once the lease lapsed)
   */
  public record Member(String nodeId, long generation, boolean self, Instant startedAt, Instant lastRenewal,
      Instant leaseUntil, long leaseLeftMillis, long subscriptionsOwned) {

    public Member {
      Objects.requireNonNull(nodeId, "nodeId");
      Objects.requireNonNull(startedAt, "startedAt");
      Objects.requireNonNull(lastRenewal, "lastRenewal");
      Objects.requireNonNull(leaseUntil, "leaseUntil");
    }

    /** Whether its lease is valid by the database's clock. */
    public boolean alive() {
      return leaseLeftMillis > 0;
    }
  }

  /**
   * This node's position in the change log.
   *
   * @param position the highest sequence number read
   * @param head the highest sequence number in the log when the registry was read
   * @param millisSinceLastRead how long ago the log was last read (above the poll interval: the node is
   *     not hearing its peers)
   * @param changesApplied other nodes' changes applied so far
   */
  public record ChangeFeedLag(long position, long head, long millisSinceLastRead, long changesApplied) {

    /** Rows of the log above the position: changes committed, not read yet (0 when caught up). */
    public long behind() {
      return Math.max(0, head - position);
    }
  }
}
