package org.presenceagent.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.presenceagent.application.identity.LocalDomains;
import org.presenceagent.application.identity.SubscriberDirectory;
import org.presenceagent.application.identity.SubscriberTable;
import org.presenceagent.application.manage.SubscriberManagement;
import org.presenceagent.application.manage.LiveSettings;
import org.presenceagent.application.manage.ManagementService;
import org.presenceagent.testing.ApplicationHarness;

class JmxRegistrationTest {

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private final ManagementService management =
      new ApplicationHarness().managementService(presentity -> { }, Map.of("jmx_name", "unit"), new LiveSettings(false, 60, 3600, 3600, 3600, 3600));

  private final SubscriberManagement subscribers = new SubscriberManagement(new SubscriberDirectory("example.com",
      LocalDomains.of(List.of("example.com")), List.of(), SubscriberTable.inMemory()));

  @Test
  void subscribersAreManagedThroughTheirMBeanWithoutShowingPasswords() throws Exception {
    try (JmxRegistration registration = JmxRegistration.register("unit-c", management, subscribers)) {
      javax.management.ObjectName name = JmxRegistration.name("Subscribers", "unit-c");
      server.invoke(name, "addSubscriber", new Object[] {"alice@example.com", "wonderland"},
          new String[] {String.class.getName(), String.class.getName()});
      String[] listed = (String[]) server.invoke(name, "listSubscribers", new Object[0], new String[0]);
      assertThat(listed).singleElement().asString().startsWith("sip:alice@example.com (stored").doesNotContain("wonderland");
      assertThat(server.getAttribute(name, "SubscriberCount")).isEqualTo(1);
      assertThatThrownBy(() -> server.invoke(name, "addSubscriber", new Object[] {"eve@elsewhere.org", "pw"},
          new String[] {String.class.getName(), String.class.getName()}))
          .hasRootCauseInstanceOf(IllegalArgumentException.class).hasStackTraceContaining("not one of the local domains");
      server.invoke(name, "removeSubscriber", new Object[] {"sip:alice@example.com"}, new String[] {String.class.getName()});
      assertThat(server.getAttribute(name, "SubscriberCount")).isEqualTo(0);
    }
  }

  @Test
  void registersBothMBeansAndUnregistersThemOnClose() throws Exception {
    try (JmxRegistration registration = JmxRegistration.register("unit-a", management, subscribers)) {
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
    try (JmxRegistration first = JmxRegistration.register("unit-b", management, subscribers)) {
      assertThatThrownBy(() -> JmxRegistration.register("unit-b", management, subscribers))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("org.presenceagent:type=Presence,name=unit-b")
          .hasMessageContaining("jmx_name");
      assertThat(server.isRegistered(JmxRegistration.name("Presence", "unit-b"))).as("the first one stays").isTrue();
    }
  }
}
