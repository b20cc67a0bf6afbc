package org.presenceagent.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;
import org.presenceagent.application.manage.LiveSettings;
import org.presenceagent.application.manage.ManagementService;
import org.presenceagent.testing.ApplicationHarness;

class JmxRegistrationTest {

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private final ManagementService management =
      new ApplicationHarness().managementService(presentity -> { }, Map.of("jmx_name", "unit"), new LiveSettings(false, 60, 3600, 3600, 3600, 3600));

  @Test
  void registersBothMBeansAndUnregistersThemOnClose() throws Exception {
    try (JmxRegistration registration = JmxRegistration.register("unit-a", management)) {
      assertThat(server.isRegistered(JmxRegistration.name("Presence", "unit-a"))).isTrue();
      TabularData parameters = (TabularData) server.getAttribute(JmxRegistration.name("Settings", "unit-a"), "Parameters");
      assertThat(parameters.get(new Object[] {"jmx_name"}).get("value")).isEqualTo("unit");
      assertThat((CompositeData[]) server.invoke(JmxRegistration.name("Presence", "unit-a"), "listPresentities",
          new Object[0], new String[0])).isEmpty();
    }
    assertThat(server.isRegistered(JmxRegistration.name("Presence", "unit-a"))).isFalse();
    assertThat(server.isRegistered(JmxRegistration.name("Settings", "unit-a"))).isFalse();
  }

  @Test
  void aSecondDeploymentWithTheSameNameIsToldToSetJmxName() {
    try (JmxRegistration first = JmxRegistration.register("unit-b", management)) {
      assertThatThrownBy(() -> JmxRegistration.register("unit-b", management))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("org.presenceagent:type=Presence,name=unit-b")
          .hasMessageContaining("jmx_name");
      assertThat(server.isRegistered(JmxRegistration.name("Presence", "unit-b"))).as("the first one stays").isTrue();
    }
  }
}
