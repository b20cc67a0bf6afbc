package org.presenceagent.infrastructure.cluster;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's lease as the node itself must see it: held until a local deadline that always ends
 * before the database's {@code lease_until}, so that the node has stopped acting for its dialogs
 * before any peer may take them over (docs/scale-out.md, "Local deadline").
 *
 * <p>The deadline is the monotonic time taken <em>before</em> a successful renewal was sent, plus the
 * lease, minus a margin of a tenth of the lease for the difference in clock rates: the database
 * granted its lease from a later instant (when the statement ran), so it ends later. A renewal that
 * fails or is refused clears the fence at once; the node then joins again with a new generation and
 * owns nothing until it takes dialogs over like any peer.
 *
 * <p>{@link #fence()} is what every NOTIFY and expiry checks first: a volatile read, no round trip.
 * Joining, renewing and leaving are serialised, so a late renewal cannot revive a lease left meanwhile.
 */
public final class NodeLease {

  private static final Logger LOG = LoggerFactory.getLogger(NodeLease.class);

  private final ClusterNodes nodes;
  private final String nodeId;
  private final Duration lease;
  private final long validNanos;
  private final LongSupplier nanoTime;
  private volatile Held held;

  private record Held(NodeFence fence, long deadlineNanos) {}

  /**
   * @param nanoTime monotonic clock ({@code System::nanoTime}; a test's own)
   */
  public NodeLease(ClusterNodes nodes, String nodeId, Duration lease, LongSupplier nanoTime) {
    if (lease.toMillis() < 1000) {
      throw new IllegalArgumentException("a lease lasts at least one second: " + lease);
    }
    this.nodes = nodes;
    this.nodeId = NodeFence.requireValidNodeId(nodeId);
    this.lease = lease;
    this.validNanos = lease.toNanos() - lease.toNanos() / 10;
    this.nanoTime = nanoTime;
  }

  /**
   * Joins with a new generation (at start-up, and after the lease was lost).
   *
   * @throws NodeIdInUseException while a live process holds the name
   */
  public synchronized NodeFence join() {
    long sentAt = nanoTime.getAsLong();
    NodeFence fence = nodes.join(nodeId, lease);
    held = new Held(fence, sentAt + validNanos);
    LOG.info("joined the cluster as {} generation {}", fence.nodeId(), fence.generation());
    return fence;
  }

  /**
   * Renews the lease (every third of it: two renewals may fail before it lapses).
   *
   * @return whether the lease is still held; false: it was lost (lapsed, replaced, or the database is
   *     unreachable past the deadline) and {@link #join()} must be called for a new generation
   */
  public synchronized boolean renew() {
    Held current = held;
    if (current == null) {
      return false;
    }
    long sentAt = nanoTime.getAsLong();
    boolean renewed;
    try {
      renewed = nodes.renew(current.fence(), lease);
    } catch (ClusterDatabaseException e) {
      // The database may be back before the deadline: keep the lease until then, act on nothing after.
      LOG.warn("renewing the lease of {} failed: {}", current.fence(), e.getMessage());
      return fence().isPresent();
    }
    if (!renewed) {
      LOG.warn("the lease of {} was lost (lapsed or replaced): its dialogs are no longer this node's", current.fence());
      held = null;
      return false;
    }
    // Only ever extend: a slow renewal must not shorten what a quicker one already granted.
    held = new Held(current.fence(), Math.max(current.deadlineNanos(), sentAt + validNanos));
    return true;
  }

  /** Ends the lease in the registry (a clean stop): peers may take the dialogs over at once. */
  public synchronized void leave() {
    Held current = held;
    held = null;
    if (current != null) {
      nodes.leave(current.fence());
    }
  }

  /** The fence while the lease is held by the local deadline, empty otherwise. */
  public Optional<NodeFence> fence() {
    Held current = held;
    if (current == null || nanoTime.getAsLong() - current.deadlineNanos() >= 0) {
      return Optional.empty();
    }
    return Optional.of(current.fence());
  }

  /** The node's name. */
  public String nodeId() {
    return nodeId;
  }

  /** How often to call {@link #renew()}. */
  public Duration renewalInterval() {
    return lease.dividedBy(3);
  }
}
