package org.restcomm.commons.statistics.reporter;

import com.codahale.metrics.MetricRegistry;
import java.util.concurrent.TimeUnit;

/**
 * Replaces {@code org.restcomm.commons:restcomm-statistics}, which the SIP Servlets container
 * pulls in and which sends usage data over plain HTTP to a hard-coded host when the container stops
 * (even with statistics gathering off). Presence Agent never phones home: this class has the
 * methods {@code sip-servlets-impl} calls and does nothing. It ships in the standalone jar only,
 * not in the WAR; a test fails if the original library comes back on the class path.
 */
public final class RestcommStatsReporter {

  private static final RestcommStatsReporter INSTANCE = new RestcommStatsReporter();

  private static final MetricRegistry METRIC_REGISTRY = new MetricRegistry();

  public RestcommStatsReporter() {
    // nothing to set up: this reporter reports nowhere
  }

  public static RestcommStatsReporter getRestcommStatsReporter() {
    return INSTANCE;
  }

  /** A local registry the container may count into; nothing ever reads it out of the process. */
  public static MetricRegistry getMetricRegistry() {
    return METRIC_REGISTRY;
  }

  public void setProjectName(String projectName) {
    // not reported anywhere
  }

  public void setProjectType(String projectType) {
    // not reported anywhere
  }

  public void setVersion(String version) {
    // not reported anywhere
  }

  public void setRemoteServer(String remoteServer) {
    // deliberately ignored: there is no remote server
  }

  public void start(long period, TimeUnit unit) {
    // no reporting thread
  }

  public void stop() {
    // nothing to flush, nothing to send
  }
}
