package org.presenceagent.infrastructure.cluster;

/** A node tried to join under a name whose lease another live process still holds. */
public final class NodeIdInUseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  NodeIdInUseException(String nodeId) {
    super("node_id=" + nodeId + " is held by a live node (its lease has not lapsed): give each node its own node_id,"
        + " or wait for the lease of the previous process to lapse");
  }
}
