package org.presenceagent.infrastructure.cluster;

import java.util.regex.Pattern;

/**
 * One incarnation of a node: its stable name and the generation the registry gave this join. A
 * write fenced with it succeeds only while this incarnation holds its lease; after the node rejoins
 * (a new generation) or a peer takes over, the old fence matches no row.
 *
 * @param nodeId the node's name ({@code node_id}): letters, digits, '.', '_', ':' and '-', at most 128
 * @param generation positive, raised at every join
 */
public record NodeFence(String nodeId, long generation) {

  private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  public NodeFence {
    requireValidNodeId(nodeId);
    if (generation < 1) {
      throw new IllegalArgumentException("a generation is positive: " + generation);
    }
  }

  /** Checks a node name (the column is 128 characters; the characters keep logs and JMX names readable). */
  public static String requireValidNodeId(String nodeId) {
    if (nodeId == null || !NODE_ID.matcher(nodeId).matches()) {
      throw new IllegalArgumentException("a node id is 1 to 128 of letters, digits, '.', '_', ':' and '-': " + nodeId);
    }
    return nodeId;
  }
}
