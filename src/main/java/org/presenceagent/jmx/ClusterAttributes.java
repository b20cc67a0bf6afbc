package org.presenceagent.jmx;

import javax.management.openmbean.CompositeData;
import org.presenceagent.application.port.ClusterOverview;
import org.presenceagent.application.port.ClusterUnavailableException;
import org.presenceagent.application.port.ClusterView;

/** The cluster MBean over the cluster overview port. */
final class ClusterAttributes implements ClusterMBean {

  private final ClusterOverview overview;

  ClusterAttributes(ClusterOverview overview) {
    this.overview = overview;
  }

  @Override
  public String getMode() {
    return ClusterView.mode(overview.clustered());
  }

  @Override
  public CompositeData getOverview() {
    try {
      return OpenViews.cluster(overview.read());
    } catch (ClusterUnavailableException e) {
      // A plain JDK exception: a generic console has none of our classes.
      throw new IllegalStateException(e.getMessage());
    }
  }
}
