package org.presenceagent.infrastructure.cluster;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's membership: it joins at start, renews its lease every third of it on a thread of its
 * own (never behind expiry timers or request work, which could make it miss a renewal), rejoins with
 * a new generation when the lease was lost, and takes over the subscriptions of nodes whose lease
 * lapsed, in batches, handing them to the {@link ClusterListener}. Closing it ends the lease at once,
 * so peers take its dialogs over without waiting for the lease to lapse.
 *
 * <p>Takeover is looked for only when there can be orphans (after the node joined, when a node's
 * lease lapsed or a node came back with a new generation), so a quiet cluster does not scan the
 * subscription table every few seconds.
 */
public final class ClusterNode implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterNode.class);
  private static final long JOIN_RETRY_MILLIS = 500;

  private final ClusterNodes nodes;
  private final NodeLease lease;
  private final SubscriptionOwners owners;
  private final ClusterListener listener;
  private final int takeoverBatch;
  private final ScheduledExecutorService timer;
  /** The generations last seen per node, and whether their orphans were all taken (cluster thread only). */
  private final Map<String, Long> seenGenerations = new HashMap<>();
  private final Map<String, Long> drainedGenerations = new HashMap<>();
  private boolean orphansPossible = true;
  private volatile NodeFence lastFence;

  private ClusterNode(ClusterNodes nodes, NodeLease lease, SubscriptionOwners owners, ClusterListener listener,
      int takeoverBatch) {
    this.nodes = nodes;
    this.lease = lease;
    this.owners = owners;
    this.listener = listener;
    this.takeoverBatch = takeoverBatch;
    this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "presence-cluster");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Joins the cluster as {@code nodeId}. A name still held by a previous process of this node (killed
   * without leaving) is waited for until its lease lapses, at most a lease and a half.
   *
   * @throws NodeIdInUseException when the name stays held (another live node has it)
   */
  public static ClusterNode start(ClusterNodes nodes, SubscriptionOwners owners, String nodeId, Duration lease,
      int takeoverBatch, ClusterListener listener, LongSupplier nanoTime) {
    ClusterNode node = new ClusterNode(nodes, new NodeLease(nodes, nodeId, lease, nanoTime), owners, listener, takeoverBatch);
    node.lastFence = node.joinWaiting(lease.plus(lease.dividedBy(2)));
    long every = node.lease.renewalInterval().toMillis();
    node.timer.scheduleWithFixedDelay(node::tick, 0, every, TimeUnit.MILLISECONDS);
    return node;
  }

  private NodeFence joinWaiting(Duration patience) {
    long giveUpAt = System.nanoTime() + patience.toNanos();
    while (true) {
      try {
        return lease.join();
      } catch (NodeIdInUseException e) {
        if (System.nanoTime() - giveUpAt >= 0) {
          throw e;
        }
        LOG.info("node_id {} is still held, probably by this node's previous process: waiting for its lease to lapse",
            lease.nodeId());
        try {
          Thread.sleep(JOIN_RETRY_MILLIS);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** The fence while this node holds its lease (what NOTIFY, CSeq and expiry check first). */
  public Optional<NodeFence> fence() {
    return lease.fence();
  }

  private void tick() {
    try {
      if (!lease.renew()) {
        rejoin();
      }
      lease.fence().ifPresent(this::takeOverIfNeeded);
    } catch (RuntimeException e) { // never let the timer die: the next tick tries again
      LOG.warn("cluster housekeeping failed: {}", e.toString());
    }
  }

  private void rejoin() {
    NodeFence lost = lastFence;
    if (lost != null) {
      lastFence = null;
      listener.lost(lost);
    }
    lastFence = lease.join();
    orphansPossible = true; // at least the dialogs of the lost generation
  }

  private void takeOverIfNeeded(NodeFence fence) {
    List<ClusterNodes.NodeView> registry = nodes.nodes();
    for (ClusterNodes.NodeView node : registry) {
      Long seen = seenGenerations.put(node.nodeId(), node.generation());
      boolean newGeneration = seen != null && seen != node.generation();
      boolean lapsedUndrained = !node.alive() && !Long.valueOf(node.generation()).equals(drainedGenerations.get(node.nodeId()));
      orphansPossible |= newGeneration || lapsedUndrained;
    }
    if (!orphansPossible) {
      return;
    }
    List<String> taken;
    do {
      taken = owners.takeOverOrphans(fence, takeoverBatch);
      if (!taken.isEmpty()) {
        LOG.info("took over {} subscriptions as {}", taken.size(), fence);
        listener.takenOver(fence, taken);
      }
    } while (taken.size() == takeoverBatch && lease.fence().isPresent());
    if (taken.size() < takeoverBatch) {
      orphansPossible = false;
      registry.stream().filter(node -> !node.alive())
          .forEach(node -> drainedGenerations.put(node.nodeId(), node.generation()));
    }
  }

  /** Stops renewing and ends the lease, so that peers take this node's dialogs over at once. */
  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      lease.leave();
    } catch (ClusterDatabaseException e) {
      LOG.warn("leaving the cluster failed ({}): peers take over when the lease lapses", e.getMessage());
    }
  }
}
