package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sip.header.CSeqHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scale-out's failover end to end (issue 17, docs/scale-out.md "Takeover"): three nodes (the
 * jar, three processes, {@code cluster=1}, a 3 s lease) on one temporary PostgreSQL behind Kamailio's
 * dispatcher ({@code kamailio/dispatcher.cfg}), watchers and publishers talking only to the
 * balancer. Every watcher gets every change in order; then the node owning the most dialogs is
 * killed (SIGKILL) while changes keep coming, and:
 *
 * <ul>
 *   <li>no acknowledged subscription or publication is lost (rows, and each watcher's last NOTIFY
 *       carries the last acknowledged change);
 *   <li>every orphaned dialog gets its next NOTIFY from a surviving node within lease + 5 s, in the
 *       same dialog (Call-ID, tags) with a higher CSeq (RFC 6665 section 4.1.2.2 / RFC 3261 section
 *       12.2.1.1: a CSeq below the last one would be rejected by the watcher);
 *   <li>no dialog gets NOTIFYs from two nodes: the sender (the node's own Via, below the balancer's)
 *       changes at most once per dialog, from the killed node to one survivor;
 *   <li>expiry runs once: each short-lived subscription ends with exactly one terminated NOTIFY
 *       (RFC 6665 section 4.2.2), also those the killed node owned.
 * </ul>
 *
 * Needs PostgreSQL's binaries and Kamailio: skipped without them, except under CI, where it fails.
 */
class ClusterFailoverIT {

  private static final int LEASE_SECONDS = 3;
  private static final int PRESENTITIES = 6;
  private static final int WATCHERS_PER_PRESENTITY = 2;
  private static final int CHANGES_BEFORE_KILL = 4;
  /** Long enough to outlive the subscribing and the kill, short enough to expire during the takeover. */
  private static final int SHORT_EXPIRES = 8;
  private static final Pattern CHANGE = Pattern.compile("change (\\d+)");

  private static TemporaryPostgres postgres;
  private static Path work;
  private static final List<ClusterJarNode> NODES = new ArrayList<>();
  private static Process balancer;
  private static int balancerPort;

  /** One NOTIFY as the watcher saw it. */
  private record Received(long arrivedNanos, int senderPort, long cseq, String fromTag, String toTag, String state,
      int change) {
    boolean terminated() {
      return state.startsWith("terminated");
    }
  }

  @BeforeAll
  static void startThreeNodesBehindTheDispatcher() throws Exception {
    DispatcherIT.requireInstalled("kamailio", "kamailio");
    postgres = TemporaryPostgres.start();
    work = Files.createTempDirectory("presence-failover");
    for (String name : List.of("node-a", "node-b", "node-c")) {
      ClusterJarNode node = ClusterJarNode.start(name, work, postgres, LEASE_SECONDS);
      NODES.add(node);
    }
    balancerPort = FreePorts.find();
    Path balancerLog = KamailioBalancer.log(work);
    balancer = KamailioBalancer.start(work, NODES.stream().map(ClusterJarNode::sipPort).toList(), balancerPort);
    for (ClusterJarNode node : NODES) {
      node.awaitReady();
    }
    assertThat(balancer.isAlive()).as("kamailio log:%n%s", Files.readString(balancerLog)).isTrue();
  }

  @AfterAll
  static void stopEverything() throws Exception {
    List<Process> processes = new ArrayList<>();
    if (balancer != null) {
      processes.add(balancer);
    }
    NODES.forEach(node -> processes.add(node.process()));
    ClusterJarNode.stopAll(processes, postgres, work);
  }

  @Test
  void aKilledNodesDialogsAreContinuedByOneSurvivorEachAndNothingAcknowledgedIsLost() throws Exception {
    ExecutorService background = Executors.newFixedThreadPool(2);
    AtomicBoolean stopping = new AtomicBoolean();
    try (SipTestClient watchers = new SipTestClient("udp", balancerPort);
        SipTestClient phones = new SipTestClient("udp", balancerPort)) {
      Map<String, List<Received>> notifies = new ConcurrentHashMap<>();
      background.submit(() -> collect(watchers, notifies, stopping));

      List<String> presentities = new ArrayList<>();
      Map<String, String> presentityOf = new HashMap<>(); // Call-ID -> presentity
      for (int p = 0; p < PRESENTITIES; p++) {
        String presentity = TestAors.unique("presentity" + p);
        presentities.add(presentity);
        for (int w = 0; w < WATCHERS_PER_PRESENTITY; w++) {
          presentityOf.put(subscribe(watchers, presentity, 600), presentity);
        }
      }
      awaitEveryDialogAt(notifies, presentityOf.keySet(), -1, Duration.ofSeconds(30));

      // Every change reaches every watcher, in order: each change is awaited before the next.
      Map<String, String> etags = new ConcurrentHashMap<>();
      Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
      Publisher publisher = new Publisher(phones);
      for (int change = 0; change < CHANGES_BEFORE_KILL; change++) {
        for (String presentity : presentities) {
          publish(publisher, presentity, change, etags, acknowledged);
        }
        awaitEveryDialogAt(notifies, presentityOf.keySet(), change, Duration.ofSeconds(30));
      }
      for (String callId : presentityOf.keySet()) {
        assertThat(notifies.get(callId).stream().map(Received::change).toList()).as("changes seen in %s", callId)
            .containsExactly(-1, 0, 1, 2, 3);
      }

      // Short-lived subscriptions, one per presentity (so the killed node owns some): each must end
      // with exactly one terminated NOTIFY, from whichever node owns it when it expires.
      List<String> shortLived = new ArrayList<>();
      for (String presentity : presentities) {
        String callId = subscribe(watchers, presentity, SHORT_EXPIRES);
        shortLived.add(callId);
        presentityOf.put(callId, presentity);
      }
      awaitEveryDialogAt(notifies, shortLived, CHANGES_BEFORE_KILL - 1, Duration.ofSeconds(30));

      Map<String, String> ownerBefore = owners(presentityOf.keySet());
      int dialogsAtKill = presentityOf.size();
      ClusterJarNode victim = NODES.stream().max(Comparator.comparingLong(
          node -> ownerBefore.values().stream().filter(node.name()::equals).count())).orElseThrow();
      List<String> orphans = presentityOf.keySet().stream().filter(id -> ownerBefore.get(id).equals(victim.name())).toList();
      assertThat(orphans).as("dialogs of the node to kill").isNotEmpty();
      String victimPresentity = presentityOf.get(orphans.get(0));
      String survivorPresentity = presentities.stream()
          .filter(p -> presentityOf.entrySet().stream().anyMatch(e -> e.getValue().equals(p)
              && !ownerBefore.get(e.getKey()).equals(victim.name())))
          .findFirst().orElseThrow(() -> new AssertionError("every presentity hashed to " + victim.name()));

      // Changes keep coming while the node dies: the publisher kills it itself, right after a
      // survivor's presentity was acknowledged, so that no PUBLISH is in flight to the victim (one
      // that committed there but was not answered would be retried elsewhere with a stale ETag: the
      // client's 412, not a loss).
      CountDownLatch killed = new CountDownLatch(1);
      long[] killedAt = new long[1];
      AtomicInteger roundsAfterKill = new AtomicInteger();
      Future<?> changes = background.submit(() -> {
        for (int change = CHANGES_BEFORE_KILL; !stopping.get(); change++) {
          for (String presentity : presentities) {
            publish(publisher, presentity, change, etags, acknowledged);
            if (killed.getCount() > 0 && presentity.equals(survivorPresentity) && change > CHANGES_BEFORE_KILL) {
              killedAt[0] = System.nanoTime();
              victim.signal("KILL");
              killed.countDown();
            }
          }
          if (killed.getCount() == 0) {
            roundsAfterKill.incrementAndGet();
          }
        }
        return null;
      });
      assertThat(killed.await(60, TimeUnit.SECONDS)).as("the victim was killed").isTrue();
      assertThat(victim.process().waitFor(10, TimeUnit.SECONDS)).isTrue();

      // Every orphaned dialog continued by a survivor within lease + 5 s of the kill.
      long takeoverBound = TimeUnit.SECONDS.toNanos(LEASE_SECONDS + 5);
      Awaitility.await().atMost(Duration.ofNanos(takeoverBound)).pollInterval(Duration.ofMillis(50))
          .until(() -> orphans.stream().allMatch(id -> notifies.get(id).stream()
              .anyMatch(n -> n.senderPort() != victim.sipPort())));
      long slowestTakeover = 0;
      for (String callId : orphans) {
        Received first = notifies.get(callId).stream().filter(n -> n.senderPort() != victim.sipPort()).findFirst().orElseThrow();
        slowestTakeover = Math.max(slowestTakeover, first.arrivedNanos() - killedAt[0]);
        assertThat(first.arrivedNanos() - killedAt[0]).as("takeover of %s", callId).isLessThan(takeoverBound);
      }

      // Expiry ran: every short-lived dialog got its terminated NOTIFY.
      Awaitility.await().atMost(Duration.ofSeconds(SHORT_EXPIRES + LEASE_SECONDS + 10)).pollInterval(Duration.ofMillis(100))
          .until(() -> shortLived.stream().allMatch(id -> notifies.get(id).stream().anyMatch(Received::terminated)));

      // A watcher arriving after the kill, of the victim's presentity: the balancer fails the
      // SUBSCRIBE over to a survivor, which accepts it.
      String late = subscribe(watchers, victimPresentity, 600);
      presentityOf.put(late, victimPresentity);

      Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> roundsAfterKill.get() >= 2);
      stopping.set(true);
      changes.get(120, TimeUnit.SECONDS);

      // Every acknowledged change reaches every live dialog: its last NOTIFY carries the last
      // acknowledged change of its presentity.
      List<String> live = presentityOf.keySet().stream().filter(id -> !shortLived.contains(id)).toList();
      Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
          .until(() -> live.stream().allMatch(id -> last(notifies, id).change() == acknowledged.get(presentityOf.get(id))));
      // Then quiet: nothing more is sent once the state is delivered (no second owner, no second expiry).
      Map<String, Integer> counts = new HashMap<>();
      notifies.forEach((id, list) -> counts.put(id, list.size()));
      Awaitility.await().during(Duration.ofSeconds(LEASE_SECONDS + 2)).atMost(Duration.ofSeconds(LEASE_SECONDS + 4))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> notifies.entrySet().stream().allMatch(e -> e.getValue().size() == counts.get(e.getKey())));

      Map<String, String> ownerAfter = owners(live);
      for (String callId : presentityOf.keySet()) {
        List<Received> dialog = notifies.get(callId);
        checkOneDialog(callId, dialog, victim, orphans.contains(callId));
        if (shortLived.contains(callId)) {
          assertThat(dialog.stream().filter(Received::terminated).count()).as("terminated NOTIFYs of %s", callId).isEqualTo(1);
          assertThat(last(notifies, callId).terminated()).as("the terminated NOTIFY is the last of %s", callId).isTrue();
        } else {
          assertThat(ownerAfter.get(callId)).as("owner of %s", callId).isNotNull().isNotEqualTo(victim.name());
          assertThat(dialog.stream().noneMatch(Received::terminated)).as("%s stays active", callId).isTrue();
        }
      }
      assertThat(owners(shortLived)).as("expired subscriptions' rows").isEmpty();
      for (String presentity : presentities) {
        assertThat(storedChange(presentity)).as("stored publication of %s", presentity).isEqualTo(acknowledged.get(presentity));
      }
      System.out.printf("ClusterFailoverIT: killed %s owning %d of the %d dialogs; slowest takeover NOTIFY %.0f ms after"
          + " the kill (bound %d s); %d changes acknowledged%n", victim.name(), orphans.size(), dialogsAtKill,
          slowestTakeover / 1e6, LEASE_SECONDS + 5, acknowledged.values().stream().mapToInt(c -> c + 1).sum());
    } finally {
      stopping.set(true);
      background.shutdownNow();
    }
  }

  /**
   * One dialog's NOTIFYs: one dialog (the node's tag and the watcher's), CSeqs strictly increasing,
   * changes never going back, and one sender, or for an orphan the victim and then one survivor.
   */
  private static void checkOneDialog(String callId, List<Received> dialog, ClusterJarNode victim, boolean orphan) {
    assertThat(dialog.stream().map(Received::fromTag).distinct()).as("node's tag in %s", callId).hasSize(1);
    assertThat(dialog.stream().map(Received::toTag).distinct()).as("watcher's tag in %s", callId).hasSize(1);
    for (int i = 1; i < dialog.size(); i++) {
      assertThat(dialog.get(i).cseq()).as("CSeq of NOTIFY %d in %s: %s", i, callId, dialog).isGreaterThan(dialog.get(i - 1).cseq());
      if (!dialog.get(i).terminated()) { // the final NOTIFY of an expiry may carry no document
        assertThat(dialog.get(i).change()).as("change of NOTIFY %d in %s: %s", i, callId, dialog)
            .isGreaterThanOrEqualTo(dialog.get(i - 1).change());
      }
    }
    List<Integer> senders = dialog.stream().map(Received::senderPort).distinct().toList();
    int switches = 0;
    for (int i = 1; i < dialog.size(); i++) {
      if (dialog.get(i).senderPort() != dialog.get(i - 1).senderPort()) {
        switches++;
      }
    }
    if (orphan) {
      assertThat(senders).as("senders in %s: %s", callId, dialog).hasSize(2).first().isEqualTo(victim.sipPort());
      assertThat(switches).as("sender changes in %s", callId).isEqualTo(1);
    } else {
      assertThat(senders).as("senders in %s: %s", callId, dialog).hasSize(1);
    }
  }

  private static void collect(SipTestClient watchers, Map<String, List<Received>> notifies, AtomicBoolean stopping) {
    while (!Thread.currentThread().isInterrupted()) {
      Request notify;
      try {
        notify = watchers.awaitRequest(Request.NOTIFY, 100);
      } catch (InterruptedException e) {
        return;
      }
      if (notify == null) {
        continue;
      }
      ViaHeader node = null; // the balancer's Via is on top, the sending node's at the bottom
      for (java.util.ListIterator<?> vias = notify.getHeaders(ViaHeader.NAME); vias.hasNext(); ) {
        node = (ViaHeader) vias.next();
      }
      Matcher change = CHANGE.matcher(Notifies.body(notify));
      notifies.computeIfAbsent(SipTestHeaders.get(notify, "Call-ID"), id -> new CopyOnWriteArrayList<>()).add(new Received(
          System.nanoTime(), node.getPort(), ((CSeqHeader) notify.getHeader(CSeqHeader.NAME)).getSeqNumber(),
          ((FromHeader) notify.getHeader(FromHeader.NAME)).getTag(), ((ToHeader) notify.getHeader(ToHeader.NAME)).getTag(),
          Notifies.state(notify), change.find() ? Integer.parseInt(change.group(1)) : -1));
    }
  }

  /** Subscribes through the balancer; returns the dialog's Call-ID. */
  private static String subscribe(SipTestClient watchers, String presentity, int expires) throws Exception {
    return SubscriptionDialog.subscribe(watchers, TestAors.unique("watcher"), presentity, expires).dialog().callId();
  }

  private static void publish(Publisher publisher, String presentity, int change, Map<String, String> etags,
      Map<String, Integer> acknowledged) throws Exception {
    Response ok = publisher.publish(presentity, 600, etags.get(presentity), Pidf.open(presentity, "phone", "change " + change));
    assertThat(ok.getStatusCode()).as("PUBLISH of change %d of %s", change, presentity).isEqualTo(200);
    etags.put(presentity, Publisher.etag(ok));
    acknowledged.put(presentity, change);
  }

  private static void awaitEveryDialogAt(Map<String, List<Received>> notifies, java.util.Collection<String> callIds,
      int change, Duration atMost) {
    Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(20))
        .until(() -> callIds.stream().allMatch(id -> notifies.containsKey(id) && last(notifies, id).change() == change));
  }

  private static Received last(Map<String, List<Received>> notifies, String callId) {
    List<Received> dialog = notifies.getOrDefault(callId, List.of());
    return dialog.isEmpty() ? new Received(0, 0, 0, "", "", "", Integer.MIN_VALUE) : dialog.get(dialog.size() - 1);
  }

  /** The owner node of each of the subscriptions that still have a row. */
  private static Map<String, String> owners(java.util.Collection<String> callIds) throws Exception {
    Map<String, String> owners = new HashMap<>();
    try (Connection connection = postgres.dataSource().getConnection();
        PreparedStatement query = connection.prepareStatement("SELECT owner_node FROM subscription WHERE call_id = ?")) {
      for (String callId : callIds) {
        query.setString(1, callId);
        try (ResultSet row = query.executeQuery()) {
          if (row.next()) {
            owners.put(callId, row.getString(1));
          }
        }
      }
    }
    return owners;
  }

  /** The change number in the one stored publication of a presentity. */
  private static int storedChange(String presentity) throws Exception {
    try (Connection connection = postgres.dataSource().getConnection();
        PreparedStatement query = connection.prepareStatement("SELECT body FROM publication WHERE presentity = ?")) {
      query.setString(1, presentity);
      List<Integer> changes = new ArrayList<>();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          Matcher change = CHANGE.matcher(new String(row.getBytes(1), java.nio.charset.StandardCharsets.UTF_8));
          changes.add(change.find() ? Integer.parseInt(change.group(1)) : -1);
        }
      }
      assertThat(changes).as("publications of %s", presentity).hasSize(1);
      return changes.get(0);
    }
  }
}
