package org.presenceagent.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The scale-out parameters and the databases cluster mode is refused on (docs/scale-out.md). */
class ClusterSettingsTest {

  private static final String POSTGRES = "jdbc:postgresql://db.example.com:5432/presence";

  @Test
  void aSingleNodeByDefault() {
    ClusterSettings cluster = PresenceSettings.defaults().cluster();

    assertThat(cluster.enabled()).isFalse();
    assertThat(cluster.nodeId()).isEmpty();
    assertThat(cluster.lease()).isEqualTo(Duration.ofSeconds(10));
    assertThat(cluster.pollInterval()).isEqualTo(Duration.ofMillis(1000));
  }

  @Test
  void aClusterNodeOnPostgresql() {
    PresenceSettings settings = PresenceSettings.from(Map.of("cluster", "1", "db_url", POSTGRES, "node_id", "node-a:5060",
        "cluster_lease", "6", "cluster_poll_interval", "250"));

    assertThat(settings.cluster()).isEqualTo(new ClusterSettings(true, java.util.Optional.of("node-a:5060"),
        Duration.ofSeconds(6), Duration.ofMillis(250)));
    assertThat(settings.describe()).containsEntry("cluster", "1").containsEntry("node_id", "node-a:5060")
        .containsEntry("cluster_lease", "6").containsEntry("cluster_poll_interval", "250");
  }

  @Test
  void refusedOnTheEmbeddedH2WithAMessageSayingWhatItNeeds() {
    assertThatThrownBy(() -> PresenceSettings.from(Map.of("cluster", "1")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("invalid parameter cluster=1: needs a shared PostgreSQL database")
        .hasMessageContaining("embedded H2");
    assertThatThrownBy(() -> PresenceSettings.from(Map.of("cluster", "1", "db_url", "jdbc:h2:tcp://db/presence")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("db_url is jdbc:h2:tcp://db/presence");
  }

  @Test
  void refusedWithoutTheDatabaseOrWithTheContainersDataSource() {
    assertThatThrownBy(() -> PresenceSettings.from(Map.of("cluster", "1", "use_db", "0", "db_url", POSTGRES)))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("invalid parameter cluster=1: needs use_db=1");
    assertThatThrownBy(() -> PresenceSettings.from(Map.of("cluster", "1", "db_jndi_name", "java:jboss/datasources/Pa")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("invalid parameter cluster=1: not supported with db_jndi_name");
  }

  @Test
  void theClusterParametersAreIgnoredByASingleNodeButStillChecked() {
    assertThat(PresenceSettings.from(Map.of("node_id", "spare", "cluster_lease", "30")).cluster().enabled()).isFalse();
    assertThatThrownBy(() -> PresenceSettings.from(Map.of("node_id", "a node")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("invalid parameter node_id=a node");
  }

  @ParameterizedTest
  @ValueSource(strings = {"cluster_lease=1", "cluster_lease=601", "cluster_poll_interval=9", "cluster_poll_interval=60001",
      "cluster=2", "cluster_lease=ten"})
  void outOfRangeValuesAreRefused(String assignment) {
    String[] parts = assignment.split("=");
    assertThatThrownBy(() -> PresenceSettings.from(Map.of(parts[0], parts[1], "db_url", POSTGRES)))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("invalid parameter " + assignment);
  }
}
