package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presenceagent.infrastructure.cluster.ClusterNodes;
import org.presenceagent.infrastructure.cluster.NodeFence;
import org.presenceagent.infrastructure.cluster.NodeIdInUseException;
import org.presenceagent.infrastructure.cluster.NodeLease;
import org.presenceagent.infrastructure.cluster.SubscriptionOwners;
import org.presenceagent.infrastructure.persistence.Database;

/**
 * The lease and fencing protocol of docs/scale-out.md on a real PostgreSQL (a server of the test's
 * own, see {@link TemporaryPostgres}), with the schema migrated by the application's Flyway
 * migrations: names are held by one live incarnation, a lapsed lease can be neither renewed nor
 * used, a node's own view of its lease ends before the database's, orphaned subscriptions go to
 * exactly one survivor, and a CSeq ceiling rises only under the owner's fence.
 */
class ClusterLeasesIT {

  private static final Duration SHORT_LEASE = Duration.ofSeconds(1);
  private static final Duration LONG_LEASE = Duration.ofSeconds(30);

  private static TemporaryPostgres postgres;
  /** Pooled, as a node's connections are: the statements are short, a new connection each would dominate. */
  private static HikariDataSource dataSource;
  private ClusterNodes nodes;
  private SubscriptionOwners owners;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = TemporaryPostgres.start();
    // The application's own migrations (V1.. V60) on PostgreSQL, as a node does at start-up.
    Database.open(postgres.jdbcUrl(), TemporaryPostgres.USER, postgres.password()).close();
    dataSource = new HikariDataSource();
    dataSource.setDataSource(postgres.dataSource());
    dataSource.setMaximumPoolSize(8);
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (dataSource != null) {
      dataSource.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @BeforeEach
  void emptyTables() throws SQLException {
    try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement()) {
      statement.execute("DELETE FROM subscription");
      statement.execute("DELETE FROM cluster_node");
    }
    nodes = new ClusterNodes(dataSource);
    owners = new SubscriptionOwners(dataSource);
  }

  @Test
  void aNameIsHeldByOneLiveIncarnationAndEveryJoinGetsANewGeneration() throws Exception {
    NodeFence first = nodes.join("node-a", SHORT_LEASE);
    assertThat(first.generation()).isEqualTo(1);
    assertThatThrownBy(() -> nodes.join("node-a", SHORT_LEASE)).isInstanceOf(NodeIdInUseException.class);

    Thread.sleep(SHORT_LEASE.toMillis() + 200);
    assertThat(nodes.renew(first, SHORT_LEASE)).as("a lapsed lease is never revived").isFalse();
    NodeFence second = nodes.join("node-a", LONG_LEASE);
    assertThat(second.generation()).isEqualTo(2);
    assertThat(nodes.renew(first, LONG_LEASE)).as("the old generation is fenced off").isFalse();
    assertThat(nodes.renew(second, LONG_LEASE)).isTrue();
    assertThat(nodes.nodes()).singleElement().satisfies(node -> {
      assertThat(node.generation()).isEqualTo(2);
      assertThat(node.alive()).isTrue();
    });

    nodes.leave(second);
    assertThat(nodes.nodes()).singleElement().satisfies(node -> assertThat(node.alive()).isFalse());
    assertThat(nodes.join("node-a", LONG_LEASE).generation()).as("a node that left is replaced at once").isEqualTo(3);
  }

  @Test
  void theNodesOwnViewOfItsLeaseEndsBeforeTheDatabasesView() {
    AtomicLong nanos = new AtomicLong(1_000_000_000L);
    NodeLease lease = new NodeLease(nodes, "node-a", LONG_LEASE, nanos::get);
    NodeFence fence = lease.join();
    assertThat(lease.fence()).contains(fence);

    nanos.addAndGet(LONG_LEASE.toNanos() * 9 / 10); // the node was paused for 90 % of the lease
    assertThat(lease.fence()).as("the node stops acting at 90 %% of its lease").isEmpty();
    assertThat(nodes.nodes()).singleElement()
        .satisfies(node -> assertThat(node.leaseLeftMillis()).as("while the database still counts it alive").isPositive());

    assertThat(lease.renew()).as("renewed before the database's lease lapsed").isTrue();
    assertThat(lease.fence()).contains(fence);
    lease.leave();
    assertThat(lease.fence()).isEmpty();
    assertThat(lease.renew()).isFalse();
  }

  @Test
  void aNodeThatLostItsLeaseRejoinsWithANewGenerationAndOwnsNothing() throws Exception {
    NodeLease lease = new NodeLease(nodes, "node-a", SHORT_LEASE, System::nanoTime);
    NodeFence old = lease.join();
    SubscriptionRows.insert(dataSource, 1);
    assertThat(owners.claimNew(old, "sub-0")).isTrue();

    Thread.sleep(SHORT_LEASE.toMillis() + 200); // paused past its lease
    assertThat(lease.fence()).isEmpty();
    assertThat(lease.renew()).isFalse();
    NodeFence current = lease.join();
    assertThat(current.generation()).isGreaterThan(old.generation());
    assertThat(owners.reserveCseq(current, "sub-0", 500)).as("the new generation owns nothing yet").isFalse();
    assertThat(owners.takeOverOrphans(current, 10)).containsExactly("sub-0");
    assertThat(owners.reserveCseq(current, "sub-0", 500)).isTrue();
  }

  @Test
  void orphansAreTakenOverOnlyAfterTheOwnersLeaseLapsedAndTheOldOwnerIsFencedOff() throws Exception {
    NodeFence dying = nodes.join("node-a", SHORT_LEASE);
    NodeFence survivor = nodes.join("node-b", LONG_LEASE);
    SubscriptionRows.insert(dataSource, 3);
    for (int i = 0; i < 3; i++) {
      assertThat(owners.claimNew(dying, "sub-" + i)).isTrue();
    }
    assertThat(owners.claimNew(survivor, "sub-0")).as("an owned subscription cannot be claimed").isFalse();
    assertThat(owners.takeOverOrphans(survivor, 10)).as("the owner is alive").isEmpty();
    assertThat(owners.reserveCseq(dying, "sub-0", 200)).isTrue();

    Thread.sleep(SHORT_LEASE.toMillis() + 200);
    assertThat(owners.reserveCseq(dying, "sub-0", 300)).as("a lapsed owner may not reserve CSeqs").isFalse();
    assertThat(owners.takeOverOrphans(survivor, 10)).containsExactlyInAnyOrder("sub-0", "sub-1", "sub-2");
    assertThat(owners.owner("sub-0")).contains(survivor);
    assertThat(localCseq("sub-0")).as("the new owner continues above the old owner's ceiling").isEqualTo(200);
    assertThat(owners.reserveCseq(survivor, "sub-0", 150)).as("a ceiling never goes down").isFalse();
    assertThat(owners.reserveCseq(survivor, "sub-0", 300)).isTrue();
    assertThat(owners.takeOverOrphans(survivor, 10)).as("nothing is taken twice").isEmpty();
  }

  @Test
  void aRequestForADeadOwnersDialogTakesThatOneDialogOverAndNoOther() throws Exception {
    NodeFence dying = nodes.join("node-a", SHORT_LEASE);
    NodeFence receiver = nodes.join("node-b", LONG_LEASE);
    SubscriptionRows.insert(dataSource, 2, dying);
    assertThat(owners.takeOverIfOrphaned(receiver, "sub-0")).as("the owner is alive and keeps it").isFalse();

    Thread.sleep(SHORT_LEASE.toMillis() + 200);
    assertThat(owners.takeOverIfOrphaned(receiver, "sub-0")).isTrue();
    assertThat(owners.owner("sub-0")).contains(receiver);
    assertThat(owners.owner("sub-1")).as("only the dialog asked for").contains(dying);
    assertThat(owners.takeOverIfOrphaned(nodes.join("node-c", LONG_LEASE), "sub-0")).as("node-b is alive").isFalse();
  }

  @Test
  void concurrentSurvivorsShareTheOrphansAndEachGoesToExactlyOne() throws Exception {
    int count = 400;
    NodeFence dying = nodes.join("node-a", SHORT_LEASE);
    SubscriptionRows.insert(dataSource, count);
    for (int i = 0; i < count; i++) {
      owners.claimNew(dying, "sub-" + i);
    }
    List<NodeFence> survivors = List.of(nodes.join("node-b", LONG_LEASE), nodes.join("node-c", LONG_LEASE),
        nodes.join("node-d", LONG_LEASE));
    Thread.sleep(SHORT_LEASE.toMillis() + 200);

    ExecutorService pool = Executors.newFixedThreadPool(survivors.size());
    try {
      List<Future<List<String>>> takes = new ArrayList<>();
      for (NodeFence survivor : survivors) {
        Callable<List<String>> takeAll = () -> {
          List<String> taken = new ArrayList<>();
          List<String> batch;
          do { // in small batches, as the nodes do, so that the survivors interleave
            batch = owners.takeOverOrphans(survivor, 7);
            taken.addAll(batch);
          } while (!batch.isEmpty());
          return taken;
        };
        takes.add(pool.submit(takeAll));
      }
      Set<String> all = new HashSet<>();
      int total = 0;
      for (int i = 0; i < takes.size(); i++) {
        List<String> taken = takes.get(i).get();
        total += taken.size();
        all.addAll(taken);
        for (String id : taken) {
          assertThat(owners.owner(id)).contains(survivors.get(i));
        }
      }
      assertThat(total).as("no subscription went to two survivors").isEqualTo(count);
      assertThat(all).hasSize(count);
    } finally {
      pool.shutdownNow();
    }
  }

  private static long localCseq(String id) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement("SELECT local_cseq FROM subscription WHERE id = ?")) {
      statement.setString(1, id);
      try (var result = statement.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }
}
