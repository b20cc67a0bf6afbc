package org.presenceagent.infrastructure.cluster;

import java.util.List;

/** What the rest of the node learns from its {@link ClusterNode}. Called on the node's cluster thread. */
public interface ClusterListener {

  /**
   * Subscriptions this node now owns, taken from a node whose lease lapsed (or from nobody): load
   * them and continue their dialogs (docs/scale-out.md, "Takeover").
   */
  void takenOver(NodeFence owner, List<String> subscriptionIds);

  /**
   * The lease of {@code lost} is gone: drop every dialog it owned from memory and send nothing more
   * in them. The node rejoins with a new generation and takes dialogs over like any peer.
   */
  void lost(NodeFence lost);
}
