package org.presenceagent.infrastructure.cluster;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.postgresql.ds.PGSimpleDataSource;
import org.presenceagent.application.notify.NotifyService;
import org.presenceagent.application.port.ClusterOverview;
import org.presenceagent.application.port.NotifySender;
import org.presenceagent.application.port.OrphanedDialogs;
import org.presenceagent.domain.event.EventPackage;
import org.presenceagent.infrastructure.config.ClusterSettings;
import org.presenceagent.infrastructure.config.PresenceSettings;
import org.presenceagent.infrastructure.persistence.BindingStore;
import org.presenceagent.infrastructure.persistence.PresentityChangeWrites;
import org.presenceagent.infrastructure.persistence.SubscriptionStore;
import org.presenceagent.infrastructure.persistence.WatcherChangeWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code cluster=1}: this node is one of several on a shared PostgreSQL (docs/scale-out.md). It
 * writes a change-log row with every stored publication or binding change, joins the node registry
 * with a lease ({@link ClusterNode}, renewed on its own thread), claims the subscriptions it accepts,
 * reserves CSeqs under its fence, sends NOTIFYs only while its lease holds, and applies the other
 * nodes' changes read from the log ({@link ChangeFeed}, {@link RemoteChanges}).
 *
 * <p>The membership's statements use a small pool of their own, so a lease renewal never waits
 * behind request writes for a connection; the feed holds one plain connection in {@code LISTEN}.
 */
final class SharedDatabaseCluster implements ClusterMode {

  private static final Logger LOG = LoggerFactory.getLogger(SharedDatabaseCluster.class);
  /** Subscriptions taken over per statement: survivors share a dead node's dialogs in steps. */
  private static final int TAKEOVER_BATCH = 500;
  /**
   * How long a sequence gap of the change log is waited for: longer than a group-commit transaction
   * can take (a batch of at most 256 short statements) by far.
   */
  private static final Duration GAP_TIMEOUT = Duration.ofSeconds(60);
  /** Threads running the cluster's statements off the callers' threads (CSeq reservations, reads, adoption). */
  private static final int STATEMENT_THREADS = 2;
  /**
   * The statement threads, the lease renewal and the operator's view each get a connection, so that a
   * renewal never waits for one behind other work.
   */
  private static final int POOL_SIZE = STATEMENT_THREADS + 2;
  /**
   * At start-up the feed reads again the changes of this last while: one whose transaction was still
   * open when the node read its tables is not missed (reading a change twice is harmless).
   */
  private static final Duration SETTLE = Duration.ofSeconds(10);

  private final ClusterSettings settings;
  private final String nodeId;
  private final HikariDataSource pool;
  private final PGSimpleDataSource listening;
  private final SubscriptionOwners owners;
  private final ChangeLog changeLog;
  private final DialogAdoption adoption;
  private final RegistryOverview overview;
  /** Reads the database for the other nodes' changes and runs fenced CSeq reservations, off the callers' threads. */
  private final ExecutorService statements;
  /** Loads the dialogs taken over, one batch after the other. */
  private final ExecutorService dialogs;
  private volatile ClusterNode node;
  /** Where the feed starts: taken before the node reads its state from the tables. */
  private final long feedStart;
  private volatile ChangeFeed feed;
  /** The subscription table as this node reads other nodes' rows (watcher lists); set while the graph is built. */
  private volatile SubscriptionStore table = SubscriptionStore.NONE;
  private boolean closed;

  private SharedDatabaseCluster(ClusterSettings settings, String nodeId, HikariDataSource pool, PGSimpleDataSource listening) {
    this.settings = settings;
    this.nodeId = nodeId;
    this.pool = pool;
    this.listening = listening;
    this.owners = new SubscriptionOwners(pool);
    this.feedStart = ChangeFeed.committedBefore(pool, SETTLE);
    this.changeLog = new ChangeLog(nodeId);
    this.statements = Executors.newFixedThreadPool(STATEMENT_THREADS, daemon("presence-cluster-statements"));
    this.dialogs = Executors.newSingleThreadExecutor(daemon("presence-cluster-dialogs"));
    this.adoption = new DialogAdoption(owners, this::fence, statements, settings.lease());
    this.overview = new RegistryOverview(nodeId, new RegistryReader(pool)::read, status().orElseThrow());
  }

  private static ThreadFactory daemon(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  static SharedDatabaseCluster prepare(PresenceSettings settings) {
    ClusterSettings cluster = settings.cluster();
    String nodeId = NodeFence.requireValidNodeId(cluster.nodeId().orElseGet(SharedDatabaseCluster::hostName));
    String url = settings.dbUrl().orElseThrow(() -> new IllegalStateException("cluster=1 needs db_url"));
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    PGSimpleDataSource listening = new PGSimpleDataSource();
    listening.setURL(url);
    // As Database.open: without db_user, the URL's own user (and password) apply.
    if (!settings.dbUser().isEmpty()) {
      config.setUsername(settings.dbUser());
      config.setPassword(settings.dbPassword());
      listening.setUser(settings.dbUser());
      listening.setPassword(settings.dbPassword());
    }
    config.setPoolName("presence-agent-cluster");
    config.setMaximumPoolSize(POOL_SIZE);
    // A renewal that cannot get a connection in a third of the lease is a failed renewal.
    config.setConnectionTimeout(Math.max(250, cluster.lease().toMillis() / 3));
    HikariDataSource pool = new HikariDataSource(config);
    try {
      return new SharedDatabaseCluster(cluster, nodeId, pool, listening);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /** The default node name outside the standalone server (which adds its SIP port): the host name. */
  private static String hostName() {
    try {
      String host = InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._:-]", "-");
      return host.substring(0, Math.min(host.length(), 128));
    } catch (UnknownHostException e) {
      throw new IllegalStateException("node_id is empty and the host name is unknown (" + e.getMessage() + "): set node_id", e);
    }
  }

  private Optional<NodeFence> fence() {
    ClusterNode current = node;
    return current == null ? Optional.empty() : current.fence();
  }

  @Override
  public PresentityChangeWrites changeWrites() {
    return changeLog::changed;
  }

  @Override
  public WatcherChangeWrites watcherChangeWrites() {
    // Written always: whether a presentity has winfo watchers on some node is not known here cheaply.
    return changeLog::watcherChanged;
  }

  @Override
  public SubscriptionStore subscriptionStore(SubscriptionStore stored) {
    OwnedSubscriptionStore owned = new OwnedSubscriptionStore(stored, this::fence);
    table = owned;
    return owned;
  }

  @Override
  public BindingStore bindingStore(BindingStore stored) {
    return new SeenBindingStore(stored);
  }

  @Override
  public NotifySender notifySender(NotifySender sender) {
    return new LeaseGuardedNotifySender(sender, this::fence);
  }

  @Override
  public NotifyService.CseqReservations cseqReservations(NotifyService.CseqReservations reservations) {
    return new FencedCseqReservations(reservations, owners, this::fence, statements);
  }

  @Override
  public OrphanedDialogs orphanedDialogs() {
    return adoption;
  }

  @Override
  public Optional<ClusterStatus> status() {
    return Optional.of(new ClusterStatus() {
      @Override
      public boolean leaseHeld() {
        return fence().isPresent();
      }

      @Override
      public long generation() {
        return fence().map(NodeFence::generation).orElse(0L);
      }

      @Override
      public long changeLogPosition() {
        ChangeFeed current = feed;
        return current == null ? feedStart : current.position();
      }

      @Override
      public long millisSinceLastRead() {
        ChangeFeed current = feed;
        return current == null ? 0 : current.millisSinceLastRead();
      }

      @Override
      public long changesApplied() {
        ChangeFeed current = feed;
        return current == null ? 0 : current.delivered();
      }

      @Override
      public long ownerAliveRefusals() {
        return adoption.ownerAliveRefusals();
      }

      @Override
      public long dialogsAdopted() {
        return adoption.dialogsAdopted();
      }
    });
  }

  @Override
  public ClusterOverview overview() {
    return overview;
  }

  @Override
  public void start(NodeState state) {
    // The first takeover may be reported before ClusterNode.start returns: its loading waits until
    // this node's fence can be read, or it would see no lease and load nothing.
    SubscriptionStore stored = table;
    // Watcher information lists every node's watchers, read from the table (docs/scale-out.md).
    state.notifier().readWatchersFrom(presentity -> stored.loadByPresentity(presentity, EventPackage.PRESENCE.name()));
    RemoteChanges remoteChanges = new RemoteChanges(state, stored, statements);
    CountDownLatch joined = new CountDownLatch(1);
    dialogs.execute(() -> awaitJoin(joined));
    OwnedDialogs owned = new OwnedDialogs(state, this::fence, dialogs, remoteChanges::resyncAll);
    adoption.loadInto(owned);
    try {
      node = ClusterNode.start(new ClusterNodes(pool), owners, nodeId, settings.lease(), TAKEOVER_BATCH,
          owned, System::nanoTime);
    } finally {
      joined.countDown();
    }
    feed = ChangeFeed.startAfter(feedStart, listening, nodeId, settings.pollInterval(), GAP_TIMEOUT,
        remoteChanges, System::nanoTime);
    LOG.info("cluster node {}: lease {} s, change-log catch-up every {} ms", nodeId, settings.lease().toSeconds(),
        settings.pollInterval().toMillis());
  }

  private static void awaitJoin(CountDownLatch joined) {
    try {
      joined.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (feed != null) {
      feed.close();
    }
    if (node != null) {
      node.close();
    }
    for (ExecutorService executor : List.of(dialogs, statements)) {
      executor.shutdown();
      try {
        executor.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    pool.close();
  }
}
