package org.presenceagent.infrastructure.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.presenceagent.infrastructure.cluster.ClusterStatus;

/**
 * With {@code cluster=1}: {@code presence.cluster.lease.held} (1 while the node may act for its
 * dialogs), {@code presence.cluster.generation}, {@code presence.cluster.changelog.position},
 * {@code presence.cluster.changelog.idle} (seconds since the last read of the change log: above the
 * poll interval, the node is not hearing its peers) and {@code presence.cluster.changes.applied}.
 */
public final class ClusterGauges {

  private ClusterGauges() {}

  public static void register(MeterRegistry registry, ClusterStatus status) {
    Gauge.builder("presence.cluster.lease.held", status, node -> node.leaseHeld() ? 1 : 0)
        .description("1 while this node holds its cluster lease and may send NOTIFYs").strongReference(true).register(registry);
    Gauge.builder("presence.cluster.generation", status, ClusterStatus::generation)
        .description("the generation of this node's incarnation in the cluster (0 without a lease)").register(registry);
    Gauge.builder("presence.cluster.changelog.position", status, ClusterStatus::changeLogPosition)
        .description("the highest change-log sequence number this node has read").register(registry);
    Gauge.builder("presence.cluster.changelog.idle", status, node -> node.millisSinceLastRead() / 1000.0)
        .description("seconds since this node last read the change log").baseUnit("seconds").register(registry);
    FunctionCounter.builder("presence.cluster.changes.applied", status, ClusterStatus::changesApplied)
        .description("changes of other nodes applied to this node").register(registry);
    FunctionCounter.builder("presence.cluster.dialogs.owner.alive", status, ClusterStatus::ownerAliveRefusals)
        .description("in-dialog SUBSCRIBEs answered 503 because another node with a valid lease owns the dialog")
        .register(registry);
    FunctionCounter.builder("presence.cluster.dialogs.adopted", status, ClusterStatus::dialogsAdopted)
        .description("dialogs this node took over because an in-dialog SUBSCRIBE reached it after their owner's lease lapsed")
        .register(registry);
  }
}
