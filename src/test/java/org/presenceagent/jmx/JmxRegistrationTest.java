package org.presenceagent.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.presenceagent.application.identity.LocalDomains;
import org.presenceagent.application.identity.SubscriberDirectory;
import org.presenceagent.application.identity.SubscriberTable;
import org.presenceagent.application.manage.SubscriberManagement;
import org.presenceagent.application.manage.LiveSettings;
import org.presenceagent.application.manage.ManagementService;
import org.presenceagent.application.port.ClusterOverview;
import org.presenceagent.application.port.ClusterUnavailableException;
import org.presenceagent.application.port.ClusterView;
import org.presenceagent.testing.ApplicationHarness;

class JmxRegistrationTest {

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private final ManagementService management =
      new ApplicationHarness().managementService(presentity -> { }, Map.of("jmx_name", "unit"), new LiveSettings(false, 60, 3600, 3600, 3600, 3600));

  private final SubscriberManagement subscribers = new SubscriberManagement(new SubscriberDirectory("example.com",
      LocalDomains.of(List.of("example.com")), List.of(), SubscriberTable.inMemory()));

  @Test
  void subscribersAreManagedThroughTheirMBeanWithoutShowingPasswords() throws Exception {
    try (JmxRegistration registration = JmxRegistration.register("unit-c", management, subscribers, ClusterOverview.SINGLE_NODE)) {
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
    try (JmxRegistration registration = JmxRegistration.register("unit-a", management, subscribers, ClusterOverview.SINGLE_NODE)) {
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
    try (JmxRegistration first = JmxRegistration.register("unit-b", management, subscribers, ClusterOverview.SINGLE_NODE)) {
      assertThatThrownBy(() -> JmxRegistration.register("unit-b", management, subscribers, ClusterOverview.SINGLE_NODE))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("org.presenceagent:type=Presence,name=unit-b")
          .hasMessageContaining("jmx_name");
      assertThat(server.isRegistered(JmxRegistration.name("Presence", "unit-b"))).as("the first one stays").isTrue();
    }
  }

  @Test
  void theClusterMBeanShowsTheViewAsOpenDataAndASingleNodeAsSuch() throws Exception {
    Instant now = Instant.parse("2026-01-01T10:00:00Z");
    ClusterView twoNodes = new ClusterView(true, "node-a", now, true, 4,
        List.of(new ClusterView.Member("node-a", 4, true, now.minusSeconds(60), now.minusSeconds(1), now.plusSeconds(9),
            9000, 30), new ClusterView.Member("node-b", 2, false, now.minusSeconds(90), now.minusSeconds(2),
            now.plusSeconds(8), 8000, 12)),
        42, 0, new ClusterView.ChangeFeedLag(120, 125, 350, 77), 2, 1);
    ClusterOverview cluster = clusterReading(() -> twoNodes);
    try (JmxRegistration registration = JmxRegistration.register("unit-d", management, subscribers, cluster)) {
      javax.management.ObjectName name = JmxRegistration.name("Cluster", "unit-d");
      assertThat(server.getAttribute(name, "Mode")).isEqualTo("cluster");
      CompositeData overview = (CompositeData) server.getAttribute(name, "Overview");
      assertThat(overview.get("nodeId")).isEqualTo("node-a");
      assertThat(overview.get("orphanedSubscriptions")).isEqualTo(0L);
      assertThat(((CompositeData) overview.get("changeFeed")).get("behind")).isEqualTo(5L);
      CompositeData[] nodes = (CompositeData[]) overview.get("nodes");
      assertThat(nodes).extracting(node -> node.get("nodeId")).containsExactly("node-a", "node-b");
      assertThat(nodes[1].get("subscriptionsOwned")).isEqualTo(12L);
      assertThat(nodes[1].get("lastRenewal")).isEqualTo("2026-01-01T09:59:58Z");
    }
    try (JmxRegistration registration = JmxRegistration.register("unit-e", management, subscribers,
        ClusterOverview.SINGLE_NODE)) {
      javax.management.ObjectName name = JmxRegistration.name("Cluster", "unit-e");
      assertThat(server.getAttribute(name, "Mode")).isEqualTo("single node");
      assertThat(((CompositeData) server.getAttribute(name, "Overview")).get("nodes")).asInstanceOf(
          org.assertj.core.api.InstanceOfAssertFactories.ARRAY).isEmpty();
    }
  }

  @Test
  void aClusterDatabaseThatCannotBeReadReachesTheConsoleAsAPlainError() {
    ClusterOverview broken = clusterReading(() -> {
      throw new ClusterUnavailableException("the cluster's registry cannot be read: connection refused", null);
    });
    try (JmxRegistration registration = JmxRegistration.register("unit-f", management, subscribers, broken)) {
      assertThatThrownBy(() -> server.getAttribute(JmxRegistration.name("Cluster", "unit-f"), "Overview"))
          .hasRootCauseInstanceOf(IllegalStateException.class).hasStackTraceContaining("connection refused");
    }
  }

  /** A cluster node's overview whose reading is {@code read}. */
  private static ClusterOverview clusterReading(java.util.function.Supplier<ClusterView> read) {
    return new ClusterOverview() {
      @Override
      public boolean clustered() {
        return true;
      }

      @Override
      public ClusterView read() {
        return read.get();
      }
    };
  }
}
