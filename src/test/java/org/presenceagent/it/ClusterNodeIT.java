package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presenceagent.infrastructure.cluster.ClusterListener;
import org.presenceagent.infrastructure.cluster.ClusterNode;
import org.presenceagent.infrastructure.cluster.ClusterNodes;
import org.presenceagent.infrastructure.cluster.NodeFence;
import org.presenceagent.infrastructure.cluster.SubscriptionOwners;
import org.presenceagent.infrastructure.persistence.Database;

/**
 * Membership and takeover of docs/scale-out.md on a real PostgreSQL, with nodes as the application
 * runs them (each its own connection pool and cluster thread): a node cut off from the database
 * stops acting before a peer takes its subscriptions, the peer gets every one of them once within
 * the lease and a renewal interval, a node that leaves cleanly is taken over at once, and a node
 * restarted after a kill waits for its old lease and comes back with a new generation.
 */
class ClusterNodeIT {

  private static final Duration LEASE = Duration.ofSeconds(3);

  private static TemporaryPostgres postgres;
  private final List<AutoCloseable> opened = new ArrayList<>();

  /** Records what a node's listener heard, and whether the dying node still held its fence then. */
  private static final class Heard implements ClusterListener {
    final Set<String> taken = ConcurrentHashMap.newKeySet();
    final List<Integer> batches = new CopyOnWriteArrayList<>();
    final List<NodeFence> lost = new CopyOnWriteArrayList<>();
    volatile ClusterNode watchedPeer;
    volatile boolean peerHeldFenceAtTakeover;

    @Override
    public void takenOver(NodeFence owner, List<String> subscriptionIds) {
      ClusterNode peer = watchedPeer;
      if (peer != null && peer.fence().isPresent()) {
        peerHeldFenceAtTakeover = true;
      }
      batches.add(subscriptionIds.size());
      subscriptionIds.forEach(id -> assertThat(taken.add(id)).as("taken twice: %s", id).isTrue());
    }

    @Override
    public void lost(NodeFence fence) {
      lost.add(fence);
    }
  }

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = TemporaryPostgres.start();
    Database.open(postgres.jdbcUrl(), TemporaryPostgres.USER, postgres.password()).close();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @BeforeEach
  void emptyTables() throws SQLException {
    try (Connection connection = postgres.dataSource().getConnection(); var statement = connection.createStatement()) {
      statement.execute("DELETE FROM subscription");
      statement.execute("DELETE FROM cluster_node");
    }
  }

  @AfterEach
  void closeNodes() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  @Test
  void aNodeCutOffFromTheDatabaseStopsBeforeItsPeerTakesAllItsSubscriptionsOnce() throws Exception {
    HikariDataSource poolA = pool();
    Heard heardA = new Heard();
    ClusterNode nodeA = start(poolA, "node-a", heardA);
    SubscriptionRows.insert(postgres.dataSource(), 250, nodeA.fence().orElseThrow());
    Heard heardB = new Heard();
    ClusterNode nodeB = start(pool(), "node-b", heardB);
    heardB.watchedPeer = nodeA;
    Thread.sleep(LEASE.toMillis());
    assertThat(heardB.taken).as("node-a is alive and renewing").isEmpty();

    long cutAt = System.nanoTime();
    poolA.close(); // node-a can no longer renew: as killed, or partitioned from the database
    await().atMost(LEASE.multipliedBy(3)).until(() -> heardB.taken.size() == 250);
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cutAt);
    System.out.printf("ClusterNodeIT: 250 subscriptions taken over %d ms after node-a was cut off (lease %d ms),"
        + " in batches %s%n", tookMillis, LEASE.toMillis(), heardB.batches);

    assertThat(heardB.peerHeldFenceAtTakeover).as("node-a had stopped acting before node-b took over").isFalse();
    assertThat(tookMillis).as("within lease + renewal interval + slack")
        .isLessThan(LEASE.toMillis() + LEASE.toMillis() / 3 + 2_000);
    SubscriptionOwners owners = new SubscriptionOwners(postgres.dataSource());
    assertThat(owners.owner("sub-0")).isEqualTo(nodeB.fence());
    assertThat(heardB.batches).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(100));
  }

  @Test
  void aNodeThatLeavesIsTakenOverAtOnce() throws Exception {
    ClusterNode nodeA = ClusterNode.start(new ClusterNodes(pool()), new SubscriptionOwners(pool()), "node-a",
        Duration.ofSeconds(30), 100, new Heard(), System::nanoTime);
    SubscriptionRows.insert(postgres.dataSource(), 10, nodeA.fence().orElseThrow());
    Heard heardB = new Heard();
    start(pool(), "node-b", heardB);
    long leftAt = System.nanoTime();
    nodeA.close();
    await().atMost(5, TimeUnit.SECONDS).until(() -> heardB.taken.size() == 10);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - leftAt))
        .as("no wait for node-a's 30 s lease").isLessThan(LEASE.toMillis() / 3 + 2_000);
  }

  @Test
  void aNodeRestartedAfterAKillWaitsForItsOldLeaseAndComesBackWithANewGeneration() throws Exception {
    HikariDataSource killedPool = pool();
    ClusterNode killed = start(killedPool, "node-a", new Heard());
    long oldGeneration = killed.fence().orElseThrow().generation();
    SubscriptionRows.insert(postgres.dataSource(), 5, killed.fence().orElseThrow());
    killedPool.close(); // SIGKILL: no leave

    Heard heard = new Heard();
    long startedAt = System.nanoTime();
    ClusterNode restarted = start(pool(), "node-a", heard);
    assertThat(restarted.fence().orElseThrow().generation()).isGreaterThan(oldGeneration);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt)).isLessThan(LEASE.toMillis() * 3 / 2 + 1_000);
    await().atMost(LEASE.multipliedBy(2)).until(() -> heard.taken.size() == 5);
  }

  private ClusterNode start(HikariDataSource pool, String nodeId, Heard heard) {
    ClusterNode node = ClusterNode.start(new ClusterNodes(pool), new SubscriptionOwners(pool), nodeId, LEASE, 100, heard,
        System::nanoTime);
    opened.add(node);
    return node;
  }

  private HikariDataSource pool() {
    HikariDataSource pool = new HikariDataSource();
    pool.setDataSource(postgres.dataSource());
    pool.setMaximumPoolSize(4);
    pool.setConnectionTimeout(1_000);
    opened.add(0, pool); // closed after the nodes
    return pool;
  }
}
