package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.infrastructure.cluster.ChangeFeed;
import org.presenceagent.infrastructure.cluster.ChangeLog;
import org.presenceagent.infrastructure.cluster.PresentityChangeRecord;
import org.presenceagent.infrastructure.persistence.Database;
import org.presenceagent.infrastructure.persistence.TransactionListener;
import org.presenceagent.infrastructure.persistence.TransactionRunner;

/**
 * Change propagation of docs/scale-out.md on a real PostgreSQL: a change committed through the
 * application's transaction runner (as the group commit writes it) reaches another node's feed by
 * its LISTEN wake-up, in order; a rolled-back change never does; a change whose transaction
 * committed after a later one is not skipped; a lost wake-up and a killed connection delay a change
 * by at most the poll interval.
 */
class ChangeFeedIT {

  private static final Aor ALICE = Aor.parse("sip:alice@example.com");
  /** Long, so that a quick arrival can only come from the LISTEN wake-up. */
  private static final Duration SLOW_POLL = Duration.ofSeconds(20);
  private static final Duration GAP_TIMEOUT = Duration.ofSeconds(30);

  private static TemporaryPostgres postgres;
  private static Database database;
  private static TransactionRunner transactions;
  private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
  private final ChangeLog nodeB = new ChangeLog("node-b");
  private ChangeFeed feed;

  private record Arrival(PresentityChangeRecord change, long atNanos) {}

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = TemporaryPostgres.start();
    database = Database.open(postgres.jdbcUrl(), TemporaryPostgres.USER, postgres.password());
    transactions = database.transactions(TransactionListener.NONE);
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (database != null) {
      database.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @AfterEach
  void stopFeed() {
    if (feed != null) {
      feed.close();
    }
  }

  @Test
  void changesOfAnotherNodeArriveInOrderByTheirWakeUpAndOwnChangesAreNotDelivered() {
    feed = startFeed(SLOW_POLL);
    ChangeLog nodeA = new ChangeLog("node-a");
    int count = 200;
    List<Long> committedAt = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Aor presentity = Aor.parse("sip:user" + i + "@example.com");
      transactions.run(entityManager -> nodeA.changed(presentity, "presence").apply(entityManager)); // its own
      transactions.run(entityManager -> nodeB.changed(presentity, "presence").apply(entityManager));
      committedAt.add(System.nanoTime());
    }
    await().atMost(10, TimeUnit.SECONDS).until(() -> arrivals.size() >= count);

    assertThat(arrivals).hasSize(count).allSatisfy(arrival -> assertThat(arrival.change().nodeId()).isEqualTo("node-b"));
    List<Long> seqs = arrivals.stream().map(arrival -> arrival.change().seq()).toList();
    assertThat(seqs).isSorted().doesNotHaveDuplicates();
    for (int i = 0; i < count; i++) {
      assertThat(arrivals.get(i).change().presentity()).isEqualTo(Aor.parse("sip:user" + i + "@example.com"));
    }
    List<Long> latencies = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      latencies.add(TimeUnit.NANOSECONDS.toMillis(arrivals.get(i).atNanos() - committedAt.get(i)));
    }
    Collections.sort(latencies);
    long p50 = latencies.get(count / 2);
    long p99 = latencies.get(count * 99 / 100 - 1);
    System.out.printf("ChangeFeedIT: commit-to-delivery latency of %d changes: p50 %d ms, p99 %d ms, max %d ms%n",
        count, p50, p99, latencies.get(count - 1));
    // The wake-up, not the 20 s poll, delivered them (the design's target is p99 under 100 ms on an
    // idle loopback; this shared machine is not idle, so only the order of magnitude is asserted).
    assertThat(p99).isLessThan(1_000);
    assertThat(feed.delivered()).isEqualTo(count);
    assertThat(feed.position()).isEqualTo(seqs.get(count - 1));
  }

  @Test
  void aRolledBackChangeIsNeverDelivered() {
    feed = startFeed(SLOW_POLL);
    try {
      transactions.run(entityManager -> {
        nodeB.changed(Aor.parse("sip:ghost@example.com"), "presence").apply(entityManager);
        throw new IllegalStateException("the batch failed");
      });
    } catch (IllegalStateException expected) {
      // rolled back
    }
    transactions.run(entityManager -> nodeB.changed(ALICE, "presence").apply(entityManager));
    await().atMost(5, TimeUnit.SECONDS).until(() -> !arrivals.isEmpty());
    sleep(300);
    assertThat(arrivals).singleElement().satisfies(arrival -> assertThat(arrival.change().presentity()).isEqualTo(ALICE));
  }

  @Test
  void aChangeThatCommitsAfterALaterNumberedOneIsNotSkipped() throws Exception {
    feed = startFeed(SLOW_POLL);
    try (Connection slow = dataSource().getConnection(); Connection quick = dataSource().getConnection()) {
      slow.setAutoCommit(false);
      quick.setAutoCommit(false);
      long slowSeq = append(slow, "sip:slow@example.com");
      long quickSeq = append(quick, "sip:quick@example.com");
      assertThat(quickSeq).isGreaterThan(slowSeq);
      quick.commit();
      await().atMost(5, TimeUnit.SECONDS).until(() -> arrivals.size() == 1);
      assertThat(arrivals.get(0).change().seq()).isEqualTo(quickSeq);

      slow.commit();
      await().atMost(5, TimeUnit.SECONDS).until(() -> arrivals.size() == 2);
      assertThat(arrivals.get(1).change().seq()).as("read again as a gap, delivered late").isEqualTo(slowSeq);
    }
  }

  @Test
  void aLostWakeUpDelaysAChangeByAtMostThePollInterval() throws Exception {
    feed = startFeed(Duration.ofMillis(300));
    try (Connection connection = dataSource().getConnection()) {
      connection.setAutoCommit(true);
      try (Statement statement = connection.createStatement()) { // no pg_notify: the wake-up is lost
        statement.executeUpdate("INSERT INTO change_log (presentity, event, node_id, changed_at)"
            + " VALUES ('sip:quiet@example.com', 'presence', 'node-b', 0)");
      }
    }
    await().atMost(3, TimeUnit.SECONDS).until(() -> arrivals.size() == 1);
  }

  @Test
  void aFeedWhoseConnectionWasKilledReconnectsAndCatchesUp() throws Exception {
    feed = startFeed(Duration.ofMillis(300));
    await().atMost(5, TimeUnit.SECONDS).until(() -> countListeners() == 1);
    try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'change-feed'");
    }
    // Committed (with its wake-up) while the feed has no connection.
    transactions.run(entityManager -> nodeB.changed(ALICE, "presence").apply(entityManager));
    await().atMost(10, TimeUnit.SECONDS).until(() -> arrivals.size() == 1);
    assertThat(countListeners()).isEqualTo(1);
  }

  private ChangeFeed startFeed(Duration poll) {
    PGSimpleDataSource listening = dataSource();
    listening.setApplicationName("change-feed");
    return ChangeFeed.start(listening, "node-a", poll, GAP_TIMEOUT,
        change -> arrivals.add(new Arrival(change, System.nanoTime())), System::nanoTime);
  }

  private static PGSimpleDataSource dataSource() {
    return postgres.dataSource();
  }

  private static long append(Connection connection, String presentity) throws SQLException {
    try (var statement = connection.prepareStatement("INSERT INTO change_log (presentity, event, node_id, changed_at)"
        + " VALUES (?, 'presence', 'node-b', 0) RETURNING seq")) {
      statement.setString(1, presentity);
      try (var result = statement.executeQuery()) {
        result.next();
        long seq = result.getLong(1);
        try (Statement wake = connection.createStatement()) {
          wake.execute("SELECT pg_notify('presence_change', '')");
        }
        return seq;
      }
    }
  }

  private static int countListeners() throws SQLException {
    try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement();
        var result = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'change-feed'")) {
      result.next();
      return result.getInt(1);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
