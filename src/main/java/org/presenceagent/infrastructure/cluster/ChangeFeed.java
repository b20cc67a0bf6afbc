package org.presenceagent.infrastructure.cluster;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.presenceagent.domain.shared.Aor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reading side of the change log (docs/scale-out.md, "Change propagation"): one connection of
 * its own in {@code LISTEN}, woken by the {@link ChangeLog}'s {@code pg_notify} at each commit, and a
 * read by sequence number after each wake-up, every {@code pollInterval} without one, and after every
 * reconnect. A lost wake-up (a dropped connection, a restarted database) therefore delays a change
 * by at most the poll interval and never loses it; the {@link ChangeCursor} keeps changes that commit
 * out of sequence order from being skipped.
 *
 * <p>Changes written by this node itself are not delivered (it notified its own watchers when it
 * committed them). The consumer runs on the feed's thread and must hand real work off (it is meant
 * to queue NOTIFYs, as a local change does). A failing consumer is logged and the feed goes on.
 */
public final class ChangeFeed implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
  /** Rows per read: a node back from a long partition catches up in steps, not in one huge result. */
  static final int BATCH = 1000;
  private static final String READ = "SELECT seq, presentity, event, node_id, subscription_id, end_event FROM change_log"
      + " WHERE seq > ? OR seq = ANY(?) ORDER BY seq LIMIT " + BATCH;
  private static final String HIGH_WATER = "SELECT COALESCE(MAX(seq), 0) FROM change_log";
  private static final String SETTLED = "SELECT COALESCE(MAX(seq), 0) FROM change_log WHERE changed_at < "
      + PostgresTime.NOW_MILLIS + " - ?";
  /**
   * Rows older than this are deleted: far beyond any reader's gap window, and only a node cut off from
   * the database for longer (which has lost its lease long before) could still need them.
   */
  static final Duration RETENTION = Duration.ofMinutes(10);
  private static final long TRIM_EVERY_NANOS = Duration.ofMinutes(1).toNanos();
  private static final String TRIM = "DELETE FROM change_log WHERE changed_at < " + PostgresTime.NOW_MILLIS + " - "
      + RETENTION.toMillis();

  private final DataSource dataSource;
  private final String selfNodeId;
  private final int pollMillis;
  private final Consumer<PresentityChangeRecord> consumer;
  private final LongSupplier nanoTime;
  private final ChangeCursor cursor;
  private final Thread thread;
  private volatile boolean closed;
  private volatile long lastReadNanos;
  private long lastTrimNanos;
  private volatile long delivered;
  /** The cursor's high water, published for other threads (the cursor itself is the feed thread's). */
  private volatile long position;
  /** The feed thread's; volatile so that {@link #close()} can abort it from outside. */
  private volatile Connection connection;

  /**
   * Starts reading changes committed from now on.
   *
   * @param dataSource gives the feed its listening connection, held for as long as it runs (better
   *     not a pool's: it never goes back)
   * @param gapTimeout longer than any writing transaction can stay open
   */
  public static ChangeFeed start(DataSource dataSource, String selfNodeId, Duration pollInterval, Duration gapTimeout,
      Consumer<PresentityChangeRecord> consumer, LongSupplier nanoTime) {
    return startAfter(highWater(dataSource), dataSource, selfNodeId, pollInterval, gapTimeout, consumer, nanoTime);
  }

  /** The highest sequence number in the log now. */
  static long highWater(DataSource dataSource) {
    return new ClusterSql(dataSource).rows(HIGH_WATER, statement -> { }, row -> row.getLong(1)).get(0);
  }

  /**
   * The sequence number to start reading after so that nothing committed after {@code since} ago is
   * missed: a node reads its state from the tables at start-up, and a change whose transaction was
   * still open then (its number drawn below the log's maximum) must still be read. Reading a change
   * twice is harmless.
   */
  public static long committedBefore(DataSource dataSource, Duration since) {
    return new ClusterSql(dataSource).rows(SETTLED, statement -> statement.setLong(1, since.toMillis()),
        row -> row.getLong(1)).get(0);
  }

  /** Starts reading the changes with sequence numbers above {@code afterSeq}. */
  public static ChangeFeed startAfter(long afterSeq, DataSource dataSource, String selfNodeId, Duration pollInterval,
      Duration gapTimeout, Consumer<PresentityChangeRecord> consumer, LongSupplier nanoTime) {
    long highWater = afterSeq;
    ChangeFeed feed = new ChangeFeed(dataSource, selfNodeId, pollInterval, new ChangeCursor(highWater, gapTimeout.toNanos()),
        consumer, nanoTime);
    feed.thread.start();
    return feed;
  }

  private ChangeFeed(DataSource dataSource, String selfNodeId, Duration pollInterval, ChangeCursor cursor,
      Consumer<PresentityChangeRecord> consumer, LongSupplier nanoTime) {
    if (pollInterval.toMillis() < 1) {
      throw new IllegalArgumentException("the poll interval is at least a millisecond: " + pollInterval);
    }
    this.dataSource = dataSource;
    this.selfNodeId = NodeFence.requireValidNodeId(selfNodeId);
    this.pollMillis = Math.toIntExact(pollInterval.toMillis());
    this.consumer = consumer;
    this.nanoTime = nanoTime;
    this.cursor = cursor;
    this.position = cursor.highWater();
    this.lastReadNanos = nanoTime.getAsLong();
    this.lastTrimNanos = lastReadNanos;
    this.thread = new Thread(this::run, "presence-change-feed");
    thread.setDaemon(true);
  }

  private void run() {
    while (!closed) {
      try {
        if (connection == null) {
          connection = listen();
        } else {
          // Blocks until a wake-up arrives or the poll interval has passed; either way, read.
          connection.unwrap(PGConnection.class).getNotifications(pollMillis);
        }
        readAll();
        trimIfDue();
      } catch (SQLException | RuntimeException e) {
        if (closed) {
          break;
        }
        LOG.warn("the change feed lost its database connection ({}); reconnecting in {} ms", e.toString(), pollMillis);
        dropConnection();
        pause();
      }
    }
    dropConnection();
  }

  private Connection listen() throws SQLException {
    Connection listening = dataSource.getConnection();
    try {
      listening.setAutoCommit(true);
      try (Statement statement = listening.createStatement()) {
        statement.execute("LISTEN " + ChangeLog.CHANNEL);
      }
      return listening;
    } catch (SQLException | RuntimeException e) {
      listening.close();
      throw e;
    }
  }

  private void readAll() throws SQLException {
    List<PresentityChangeRecord> rows;
    do {
      rows = read();
      lastReadNanos = nanoTime.getAsLong();
      for (PresentityChangeRecord change : cursor.advance(rows, lastReadNanos)) {
        deliver(change);
      }
      position = cursor.highWater();
    } while (rows.size() == BATCH && !closed);
  }

  /**
   * Deletes rows past the retention, about once a minute. Every node does it (a delete of rows that
   * are already gone costs nothing), so the log stays bounded whichever nodes are alive.
   */
  private void trimIfDue() throws SQLException {
    long now = nanoTime.getAsLong();
    if (now - lastTrimNanos < TRIM_EVERY_NANOS) {
      return;
    }
    lastTrimNanos = now;
    try (Statement statement = connection.createStatement()) {
      int deleted = statement.executeUpdate(TRIM);
      if (deleted > 0) {
        LOG.debug("deleted {} change-log rows older than {}", deleted, RETENTION);
      }
    }
  }

  private List<PresentityChangeRecord> read() throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(READ)) {
      statement.setLong(1, cursor.highWater());
      Array gaps = connection.createArrayOf("bigint", cursor.gaps().toArray());
      statement.setArray(2, gaps);
      List<PresentityChangeRecord> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          rows.add(new PresentityChangeRecord(result.getLong(1), Aor.parse(result.getString(2)), result.getString(3),
              result.getString(4), Optional.ofNullable(result.getString(5)), Optional.ofNullable(result.getString(6))));
        }
      }
      gaps.free();
      return rows;
    }
  }

  private void deliver(PresentityChangeRecord change) {
    if (change.nodeId().equals(selfNodeId)) {
      return;
    }
    try {
      consumer.accept(change);
      delivered++;
    } catch (RuntimeException e) {
      LOG.error("handling change {} of {} failed", change.seq(), change.presentity(), e);
    }
  }

  private void dropConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.debug("closing the change feed's connection failed: {}", e.toString());
      }
      connection = null;
    }
  }

  private void pause() {
    try {
      Thread.sleep(pollMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  /** The highest sequence number read (for the console: the node's position in the log). */
  public long position() {
    return position;
  }

  /** Milliseconds since the last successful read: the bound on how stale this node's view may be. */
  public long millisSinceLastRead() {
    return Duration.ofNanos(nanoTime.getAsLong() - lastReadNanos).toMillis();
  }

  /** Changes of other nodes handed to the consumer so far. */
  public long delivered() {
    return delivered;
  }

  @Override
  public void close() {
    closed = true;
    Connection listening = connection;
    if (listening != null) {
      try {
        listening.abort(Runnable::run); // ends a wait for notifications at once (JDBC's cross-thread close)
      } catch (SQLException e) {
        LOG.debug("aborting the change feed's connection failed: {}", e.toString());
      }
    }
    thread.interrupt();
    try {
      thread.join(pollMillis + 5_000L);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
