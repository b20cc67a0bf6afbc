package org.presenceagent.infrastructure.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.presenceagent.application.port.ClusterOverview;
import org.presenceagent.application.port.ClusterUnavailableException;
import org.presenceagent.application.port.ClusterView;
import org.presenceagent.infrastructure.cluster.RegistrySnapshot.NodeRow;

/** The operator's view of the cluster built from one read of the registry and this node's own figures. */
class RegistryOverviewTest {

  private static final long NOW = 1_800_000_000_000L;

  /** This node's figures as the feed and the lease report them. */
  private record Status(boolean leaseHeld, long generation, long changeLogPosition, long millisSinceLastRead,
      long changesApplied, long ownerAliveRefusals, long dialogsAdopted) implements ClusterStatus {}

  private static final Status NODE_A = new Status(true, 4, 120, 350, 77, 2, 1);

  @Test
  void everyNodeIsListedWithItsLeaseByTheDatabaseClockAndTheSubscriptionsItsGenerationOwns() {
    RegistrySnapshot snapshot = new RegistrySnapshot(NOW, List.of(
        new NodeRow("node-a", 4, NOW - 60_000, NOW - 1_000, NOW + 9_000, 30),
        new NodeRow("node-b", 2, NOW - 50_000, NOW - 4_000, NOW + 6_000, 20),
        new NodeRow("node-c", 7, NOW - 90_000, NOW - 20_000, NOW - 10_000, 5)), 62, 125);

    ClusterView view = RegistryOverview.view("node-a", snapshot, NODE_A);

    assertThat(view.clustered()).isTrue();
    assertThat(view.mode()).isEqualTo("cluster");
    assertThat(view.nodeId()).isEqualTo("node-a");
    assertThat(view.databaseTime()).isEqualTo(Instant.ofEpochMilli(NOW));
    assertThat(view.nodes()).extracting(ClusterView.Member::nodeId).containsExactly("node-a", "node-b", "node-c");
    ClusterView.Member a = view.nodes().get(0);
    assertThat(a.self()).isTrue();
    assertThat(a.alive()).isTrue();
    assertThat(a.generation()).isEqualTo(4);
    assertThat(a.leaseLeftMillis()).isEqualTo(9_000);
    assertThat(a.startedAt()).isEqualTo(Instant.ofEpochMilli(NOW - 60_000));
    assertThat(a.lastRenewal()).isEqualTo(Instant.ofEpochMilli(NOW - 1_000));
    assertThat(a.leaseUntil()).isEqualTo(Instant.ofEpochMilli(NOW + 9_000));
    assertThat(a.subscriptionsOwned()).isEqualTo(30);
    assertThat(view.nodes().get(1).self()).isFalse();
    ClusterView.Member c = view.nodes().get(2);
    assertThat(c.alive()).as("lease ended before the database's now").isFalse();
    assertThat(c.leaseLeftMillis()).isEqualTo(-10_000);
    // 62 stored, 50 owned by live generations: node-c's 5 and 7 of old generations or without an owner.
    assertThat(view.subscriptions()).isEqualTo(62);
    assertThat(view.orphanedSubscriptions()).isEqualTo(12);
  }

  @Test
  void aLeaseEndingExactlyAtTheDatabasesNowHasLapsed() {
    RegistrySnapshot snapshot = new RegistrySnapshot(NOW, List.of(new NodeRow("node-b", 1, NOW - 9, NOW - 5, NOW, 3)), 3, 0);
    ClusterView view = RegistryOverview.view("node-a", snapshot, NODE_A);
    assertThat(view.nodes().get(0).alive()).isFalse();
    assertThat(view.orphanedSubscriptions()).isEqualTo(3);
  }

  @Test
  void thisNodesOwnFiguresComeFromItsLeaseAndItsFeed() {
    RegistrySnapshot snapshot = new RegistrySnapshot(NOW, List.of(new NodeRow("node-a", 4, NOW, NOW, NOW + 9_000, 0)), 0, 125);

    ClusterView view = RegistryOverview.view("node-a", snapshot, NODE_A);

    assertThat(view.leaseHeld()).isTrue();
    assertThat(view.generation()).isEqualTo(4);
    assertThat(view.changeFeed().position()).isEqualTo(120);
    assertThat(view.changeFeed().head()).isEqualTo(125);
    assertThat(view.changeFeed().behind()).isEqualTo(5);
    assertThat(view.changeFeed().millisSinceLastRead()).isEqualTo(350);
    assertThat(view.changeFeed().changesApplied()).isEqualTo(77);
    assertThat(view.ownerAliveRefusals()).isEqualTo(2);
    assertThat(view.dialogsAdopted()).isEqualTo(1);
  }

  @Test
  void aHeadBelowThePositionMeansCaughtUpNotBehind() {
    // The log trimmed (empty: head 0), or the feed read a row committed after the head was read.
    RegistrySnapshot trimmed = new RegistrySnapshot(NOW, List.of(), 0, 0);
    ClusterView view = RegistryOverview.view("node-a", trimmed, NODE_A);
    assertThat(view.changeFeed().head()).isEqualTo(120);
    assertThat(view.changeFeed().behind()).isZero();
  }

  @Test
  void aDatabaseThatCannotBeReadIsReportedAsUnavailableNotAsAnEmptyCluster() {
    ClusterOverview overview = new RegistryOverview("node-a", () -> {
      throw new ClusterDatabaseException("SELECT 1", new SQLException("connection refused", "08001"));
    }, NODE_A);

    assertThat(overview.clustered()).isTrue();
    assertThatThrownBy(overview::read).isInstanceOf(ClusterUnavailableException.class)
        .hasMessageContaining("cannot be read").hasMessageContaining("connection refused");
  }

  @Test
  void aSingleNodeSaysSoWithoutReadingAnything() {
    ClusterOverview single = ClusterMode.of(org.presenceagent.infrastructure.config.PresenceSettings.defaults()).overview();
    assertThat(single.clustered()).isFalse();
    assertThat(single.read().mode()).isEqualTo("single node");
    assertThat(single.read().nodes()).isEmpty();
  }
}
