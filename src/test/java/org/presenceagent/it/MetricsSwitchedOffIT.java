package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code metrics_enabled=0}: no {@code /metrics} and no MBeans. */
class MetricsSwitchedOffIT {

  @RegisterExtension
  static final PresenceServerExtension SERVER = new PresenceServerExtension().param("metrics_enabled", "0");

  @Test
  void theEndpointAnswers404AndNoMBeansArePublished() throws Exception {
    assertThat(MetricsIT.scrape(SERVER, null).statusCode()).isEqualTo(404);
    assertThat(MetricsIT.metricMBeans()).isEmpty();
  }
}
