package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two real nodes ({@code cluster=1}, the standalone jar, each its own process) on one temporary
 * PostgreSQL (docs/scale-out.md): a watcher whose dialog node A holds gets node B's changes, in its
 * dialog, from node A; a refresh on B moves A's expiry of the publication; a removal on B reaches A's
 * watcher as the closed state.
 */
class ClusterIT {

  private static final int CHANGES = 50;
  /**
   * Long, so that quick arrivals can only come from the change log's wake-up (PostgreSQL NOTIFY),
   * not from its catch-up reads.
   */
  private static final int POLL_MILLIS = 5000;

  private static final String OPERATOR = "ops";
  private static final String PASSWORD = "s3cret";

  private static TemporaryPostgres postgres;
  private static Path work;
  private static ClusterJarNode nodeA;
  private static ClusterJarNode nodeB;
  /**
   * A second cluster of two nodes with {@code auth=xcap} (pres-rules in the built-in XCAP store) on a
   * database of its own: the first pair's tests pause node A, and a third node there could take its
   * dialogs over in their place.
   */
  private static TemporaryPostgres rulesPostgres;
  private static ClusterJarNode rulesNodeA;
  private static ClusterJarNode rulesNodeB;

  @BeforeAll
  static void startTwoNodes() throws Exception {
    postgres = TemporaryPostgres.start();
    rulesPostgres = TemporaryPostgres.start();
    work = Files.createTempDirectory("presence-cluster");
    nodeA = ClusterJarNode.start("node-a", work, postgres, 3, "cluster_poll_interval=" + POLL_MILLIS,
        "admin_credentials=" + OPERATOR + ":" + PASSWORD);
    nodeB = ClusterJarNode.start("node-b", work, postgres, 3, "cluster_poll_interval=" + POLL_MILLIS,
        "admin_credentials=" + OPERATOR + ":" + PASSWORD);
    rulesNodeA = ClusterJarNode.start("rules-a", work, rulesPostgres, 3, "cluster_poll_interval=" + POLL_MILLIS,
        "auth=xcap", "xcap_open=1");
    rulesNodeB = ClusterJarNode.start("rules-b", work, rulesPostgres, 3, "cluster_poll_interval=" + POLL_MILLIS,
        "auth=xcap", "xcap_open=1");
    nodeA.awaitReady();
    nodeB.awaitReady();
    rulesNodeA.awaitReady();
    rulesNodeB.awaitReady();
  }

  @AfterAll
  static void stopEverything() throws Exception {
    try {
      ClusterJarNode.stopAll(Stream.of(rulesNodeA, rulesNodeB).filter(java.util.Objects::nonNull)
          .map(ClusterJarNode::process).toList(), rulesPostgres, null);
    } finally {
      ClusterJarNode.stopAll(Stream.of(nodeA, nodeB).filter(java.util.Objects::nonNull).map(ClusterJarNode::process).toList(),
          postgres, work);
    }
  }

  /**
   * RFC 5025 over XCAP across nodes: the presentity's pres-rules PUT over HTTP on node B reach node
   * A, which holds the watcher's dialog: the pending watcher becomes active with a NOTIFY from node A,
   * and a later rule that blocks him ends his subscription ({@code rejected}). The presentity's winfo
   * dialog on node B follows each step (RFC 3857) with the right versions and events.
   */
  @Test
  void presRulesPutOnNodeBActivateThenRejectTheWatcherOfNodeAAndWinfoOnNodeBFollows() throws Exception {
    try (SipTestClient bobPhone = new SipTestClient("udp", rulesNodeA.sipPort());
        SipTestClient alicePhone = new SipTestClient("udp", rulesNodeB.sipPort())) {
      String alice = TestAors.unique("alice");
      String bob = TestAors.unique("bob");
      assertThat(new Publisher(alicePhone).publish(alice, 600, null, Pidf.open(alice, "desk", "at my desk"))
          .getStatusCode()).isEqualTo(200);
      assertThat(subscribeWatcherInfo(alicePhone, alice).getStatusCode()).isEqualTo(200);
      Request full = Notifies.next(alicePhone);
      assertThat(winfo(full)).contains("version=\"0\"").contains("state=\"full\"").doesNotContain("<watcher ");

      SubscriptionDialog.subscribe(bobPhone, bob, alice, 600);
      Request pending = Notifies.next(bobPhone);
      assertThat(Notifies.state(pending)).as("no rules yet").startsWith("pending");
      assertThat(sender(pending)).isEqualTo(rulesNodeA.sipPort());
      Request appeared = Notifies.next(alicePhone);
      assertThat(sender(appeared)).as("the winfo dialog's node").isEqualTo(rulesNodeB.sipPort());
      assertThat(winfo(appeared)).contains("version=\"1\"").contains("state=\"partial\"").contains("status=\"pending\"")
          .contains("event=\"subscribe\"").contains(">" + bob + "</watcher>");

      XcapHttp xcapOfNodeB = new XcapHttp(rulesNodeB.httpPort());
      assertThat(xcapOfNodeB.putRules(alice, PresRulesDocs.one(bob, "allow")).statusCode()).isEqualTo(201);
      Request active = Notifies.next(bobPhone);
      assertThat(Notifies.state(active)).as("authorized by the rules stored on node B").startsWith("active");
      assertThat(sender(active)).as("from the node that holds the dialog").isEqualTo(rulesNodeA.sipPort());
      assertThat(Notifies.body(active)).contains("at my desk");
      assertThat(winfo(Notifies.next(alicePhone))).contains("version=\"2\"").contains("status=\"active\"")
          .contains("event=\"approved\"").contains(">" + bob + "</watcher>");

      assertThat(xcapOfNodeB.putRules(alice, PresRulesDocs.one(bob, "block")).statusCode()).isEqualTo(200);
      Request ended = Notifies.next(bobPhone);
      assertThat(Notifies.state(ended)).startsWith("terminated").contains("reason=rejected");
      assertThat(sender(ended)).isEqualTo(rulesNodeA.sipPort());
      assertThat(winfo(Notifies.next(alicePhone))).contains("version=\"3\"").contains("status=\"terminated\"")
          .contains("event=\"rejected\"").contains(">" + bob + "</watcher>");
      assertThat(alicePhone.awaitRequest(Request.NOTIFY, 1000)).as("each change once").isNull();
    }
  }

  /**
   * RFC 3857/3858 across nodes: a winfo subscriber whose dialog node B holds hears of a watcher that
   * subscribed on node A, and of its end; a full document lists the watchers of every node, read from
   * the shared table, the same on node A and node B.
   */
  @Test
  void aWinfoSubscriberOnNodeBHearsOfAWatcherThatSubscribedOnNodeAAndOfItsEnd() throws Exception {
    try (SipTestClient bobPhone = new SipTestClient("udp", nodeA.sipPort());
        SipTestClient aliceOnB = new SipTestClient("udp", nodeB.sipPort());
        SipTestClient aliceOnA = new SipTestClient("udp", nodeA.sipPort())) {
      String alice = TestAors.unique("alice");
      String bob = TestAors.unique("bob");
      assertThat(subscribeWatcherInfo(aliceOnB, alice).getStatusCode()).isEqualTo(200);
      assertThat(winfo(Notifies.next(aliceOnB))).contains("state=\"full\"").doesNotContain("<watcher ");

      SubscriptionDialog bobsDialog = SubscriptionDialog.subscribe(bobPhone, bob, alice, 600).dialog();
      assertThat(Notifies.state(Notifies.next(bobPhone))).startsWith("active"); // auth=none
      Request appeared = Notifies.next(aliceOnB);
      assertThat(sender(appeared)).isEqualTo(nodeB.sipPort());
      assertThat(winfo(appeared)).contains("version=\"1\"").contains("state=\"partial\"").contains("status=\"active\"")
          .contains("event=\"subscribe\"").contains(">" + bob + "</watcher>");

      // A new winfo dialog on either node starts with the full list, composed from the table.
      assertThat(subscribeWatcherInfo(aliceOnA, alice).getStatusCode()).isEqualTo(200);
      String fullOnA = winfo(Notifies.next(aliceOnA));
      assertThat(fullOnA).contains("state=\"full\"").contains("status=\"active\"").contains(">" + bob + "</watcher>");
      try (SipTestClient aliceAgainOnB = new SipTestClient("udp", nodeB.sipPort())) {
        assertThat(subscribeWatcherInfo(aliceAgainOnB, alice).getStatusCode()).isEqualTo(200);
        String fullOnB = winfo(Notifies.next(aliceAgainOnB));
        assertThat(watcherIds(fullOnB)).as("the same list on both nodes").isEqualTo(watcherIds(fullOnA)).hasSize(1);
      }

      assertThat(bobsDialog.refresh(0).getStatusCode()).as("bob un-SUBSCRIBEs at node A").isEqualTo(200);
      assertThat(Notifies.state(Notifies.next(bobPhone))).startsWith("terminated");
      Request gone = Notifies.next(aliceOnB);
      assertThat(sender(gone)).isEqualTo(nodeB.sipPort());
      assertThat(winfo(gone)).contains("version=\"2\"").contains("state=\"partial\"").contains("status=\"terminated\"")
          .contains("event=\"timeout\"").contains(">" + bob + "</watcher>");
      assertThat(winfo(Notifies.next(aliceOnA))).as("node A's own winfo dialog too").contains("version=\"1\"")
          .contains("status=\"terminated\"").contains(">" + bob + "</watcher>");
      assertThat(aliceOnB.awaitRequest(Request.NOTIFY, 1000)).as("each change once").isNull();
    }
  }

  /** An initial SUBSCRIBE of the presentity to its own watcher information (winfo_auth=implicit). */
  private static Response subscribeWatcherInfo(SipTestClient client, String presentity) throws Exception {
    Request subscribe = client.newRequest(Request.SUBSCRIBE, presentity, presentity, 1);
    SipTestClient.setHeader(subscribe, "Event", "presence.winfo");
    SipTestClient.setHeader(subscribe, "Expires", "300");
    return client.call(subscribe);
  }

  /** A watcherinfo NOTIFY's document (RFC 3858). */
  private static String winfo(Request notify) {
    assertThat(SipTestHeaders.get(notify, "Event")).isEqualTo("presence.winfo");
    return new String(notify.getRawContent(), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The {@code id}s of a watcherinfo document's watchers, in order. */
  private static List<String> watcherIds(String document) {
    java.util.regex.Matcher ids = java.util.regex.Pattern.compile("<watcher [^>]*\\bid=\"([^\"]+)\"").matcher(document);
    List<String> found = new ArrayList<>();
    while (ids.find()) {
      found.add(ids.group(1));
    }
    return found;
  }

  @Test
  void aChangePublishedOnNodeBReachesTheWatcherOfNodeAInItsDialog() throws Exception {
    try (SipTestClient watcher = new SipTestClient("udp", nodeA.sipPort());
        SipTestClient phone = new SipTestClient("udp", nodeB.sipPort())) {
      String alice = TestAors.unique("alice");
      SubscriptionDialog subscribed = watchNothingPublished(watcher, alice);
      assertThat(owner(subscribed.callId())).as("the node that accepted the SUBSCRIBE owns it").isEqualTo("node-a");

      Publisher publisher = new Publisher(phone);
      List<Long> answeredToNotify = new ArrayList<>();
      List<Long> sentToNotify = new ArrayList<>();
      String etag = null;
      for (int i = 0; i < CHANGES; i++) {
        long sent = System.nanoTime();
        Response ok = publisher.publish(alice, 600, etag, Pidf.open(alice, "phone", "change " + i));
        long answered = System.nanoTime(); // node B answers once the change is committed
        assertThat(ok.getStatusCode()).isEqualTo(200);
        etag = Publisher.etag(ok);
        Request notify = Notifies.next(watcher);
        long arrived = System.nanoTime();
        assertThat(Notifies.body(notify)).contains("change " + i).contains("<basic>open</basic>");
        answeredToNotify.add(arrived - answered);
        sentToNotify.add(arrived - sent);
      }
      System.out.printf("ClusterIT: %d changes on node B to a watcher of node A, commit (B's 200) to NOTIFY (from A):"
          + " p50 %.1f ms, p99 %.1f ms, max %.1f ms; PUBLISH sent to NOTIFY: p50 %.1f ms, p99 %.1f ms%n", CHANGES,
          percentile(answeredToNotify, 50), percentile(answeredToNotify, 99), percentile(answeredToNotify, 100),
          percentile(sentToNotify, 50), percentile(sentToNotify, 99));
      // Not a timed test (the figures are printed): only that the wake-up, not the 5 s catch-up, carried them.
      assertThat(percentile(answeredToNotify, 50)).isLessThan(POLL_MILLIS / 2.0);
      assertThat(metric(nodeA, "presence_cluster_changes_applied_total")).isGreaterThanOrEqualTo(CHANGES);
      assertThat(metric(nodeA, "presence_cluster_lease_held")).isEqualTo(1);
    }
  }

  @Test
  void aRefreshOnNodeBMovesNodeAsExpiryAndARemovalOnNodeBClosesNodeAsWatcher() throws Exception {
    try (SipTestClient watcher = new SipTestClient("udp", nodeA.sipPort());
        SipTestClient phone = new SipTestClient("udp", nodeB.sipPort())) {
      String bob = TestAors.unique("bob");
      watchNothingPublished(watcher, bob);
      Publisher publisher = new Publisher(phone);
      String first = Publisher.etag(publisher.publish(bob, 3, null, Pidf.open(bob, "desk", "short-lived")));
      assertThat(Notifies.body(Notifies.next(watcher))).contains("short-lived").contains("<basic>open</basic>");

      Response refreshed = publisher.publish(bob, 600, first, null);
      assertThat(refreshed.getStatusCode()).isEqualTo(200);
      // Past the first expiry: node A applied the refresh, so it neither expired the publication
      // nor told its watcher anything (a refresh changes no document).
      assertThat(watcher.awaitRequest(Request.NOTIFY, 4500)).as("no NOTIFY for a refresh, no expiry at A").isNull();
      assertThat(publicationCount(bob)).isEqualTo(1);

      Response removed = publisher.publish(bob, 0, Publisher.etag(refreshed), null);
      assertThat(removed.getStatusCode()).isEqualTo(200);
      assertThat(Notifies.body(Notifies.next(watcher))).contains("<basic>closed</basic>").doesNotContain("short-lived");
    }
  }

  @Test
  void aRegistrationOnNodeBIsPresenceForTheWatcherOfNodeA() throws Exception {
    try (SipTestClient watcher = new SipTestClient("udp", nodeA.sipPort());
        SipTestClient phone = new SipTestClient("udp", nodeB.sipPort())) {
      String dave = TestAors.unique("dave");
      watchNothingPublished(watcher, dave);
      Registrar registrar = new Registrar(phone, dave);

      assertThat(registrar.register(300, "<sip:dave@127.0.0.1:5999>").getStatusCode()).isEqualTo(200);
      String registered = Notifies.body(Notifies.next(watcher));
      assertThat(registered).contains("<basic>open</basic>").contains("sip:dave@127.0.0.1:5999");

      assertThat(registrar.register(null, "<sip:dave@127.0.0.1:5999>;expires=0").getStatusCode()).isEqualTo(200);
      assertThat(Notifies.body(Notifies.next(watcher))).contains("<basic>closed</basic>").doesNotContain("5999");
    }
  }

  @Test
  void aPausedNodesDialogIsContinuedByItsPeerWithAHigherCseqAndThePausedNodeSendsNothingMore() throws Exception {
    try (SipTestClient watcher = new SipTestClient("udp", nodeA.sipPort());
        SipTestClient phone = new SipTestClient("udp", nodeB.sipPort())) {
      String carol = TestAors.unique("carol");
      SubscriptionDialog dialog = SubscriptionDialog.subscribe(watcher, TestAors.unique("watcher"), carol, 600).dialog();
      assertThat(sender(Notifies.next(watcher))).isEqualTo(nodeA.sipPort());
      Publisher publisher = new Publisher(phone);
      String etag = Publisher.etag(publisher.publish(carol, 600, null, Pidf.open(carol, "desk", "before the pause")));
      Request lastOfA = Notifies.next(watcher);
      assertThat(sender(lastOfA)).isEqualTo(nodeA.sipPort());

      nodeA.signal("STOP");
      try {
        // Node A's lease (3 s) lapses; node B takes the dialog over and sends the current state in it.
        Request taken = watcher.awaitRequest(Request.NOTIFY, 15_000);
        assertThat(taken).as("a NOTIFY from the node that took the dialog over").isNotNull();
        assertThat(sender(taken)).isEqualTo(nodeB.sipPort());
        assertThat(SipTestHeaders.get(taken, "Call-ID")).isEqualTo(dialog.callId());
        assertThat(cseq(taken)).isGreaterThan(cseq(lastOfA));
        assertThat(Notifies.body(taken)).contains("before the pause");
        assertThat(owner(dialog.callId())).isEqualTo("node-b");

        etag = Publisher.etag(publisher.publish(carol, 600, etag, Pidf.open(carol, "desk", "while A is paused")));
        Request fromB = Notifies.next(watcher);
        assertThat(sender(fromB)).isEqualTo(nodeB.sipPort());
        assertThat(Notifies.body(fromB)).contains("while A is paused");
      } finally {
        nodeA.signal("CONT");
      }
      // Node A resumes past its lease: it finds the lease lost and sends nothing more in the dialog.
      publisher.publish(carol, 600, etag, Pidf.open(carol, "desk", "after A resumed"));
      Request afterResume = Notifies.next(watcher);
      assertThat(sender(afterResume)).isEqualTo(nodeB.sipPort());
      assertThat(Notifies.body(afterResume)).contains("after A resumed");
      assertThat(watcher.awaitRequest(Request.NOTIFY, 3000)).as("no NOTIFY from the paused node").isNull();
      // It may have missed changes while cut off: it reads the shared state again.
      assertThat(Files.readString(nodeA.log())).contains("lease of").contains("reading the state of");
    }
  }

  @Test
  void aRefreshAndAnUnsubscribeSentStraightToNodeBContinueNodeAsDialogOnceItsLeaseLapsed() throws Exception {
    try (SipTestClient watcher = new SipTestClient("udp", nodeA.sipPort());
        SipTestClient phone = new SipTestClient("udp", nodeB.sipPort())) {
      String erin = TestAors.unique("erin");
      SubscriptionDialog dialog = SubscriptionDialog.subscribe(watcher, TestAors.unique("watcher"), erin, 600).dialog();
      Request lastOfA = Notifies.next(watcher);
      assertThat(sender(lastOfA)).isEqualTo(nodeA.sipPort());
      new Publisher(phone).publish(erin, 600, null, Pidf.open(erin, "desk", "before the pause"));
      lastOfA = Notifies.next(watcher);
      assertThat(sender(lastOfA)).isEqualTo(nodeA.sipPort());
      double refusedBefore = metric(nodeB, "presence_cluster_dialogs_owner_alive_total");

      // Node A still holds its lease (renewed at most a third of it ago): B does not serve A's dialog.
      Response whileAlive = watcher.call(toNodeB(dialog.refreshRequest(600)));
      assertThat(whileAlive.getStatusCode()).as("the owner is alive").isEqualTo(503);
      assertThat(SipTestHeaders.get(whileAlive, "Retry-After")).isEqualTo("3");
      assertThat(metric(nodeB, "presence_cluster_dialogs_owner_alive_total")).isEqualTo(refusedBefore + 1);

      nodeA.signal("STOP");
      try {
        // As a balancer that does not keep dialogs on their node: retry at B until A's lease lapsed.
        long deadline = System.nanoTime() + 15_000_000_000L;
        Response refreshed;
        do {
          Thread.sleep(200);
          refreshed = watcher.call(toNodeB(dialog.refreshRequest(900)));
        } while (refreshed.getStatusCode() == 503 && System.nanoTime() < deadline);
        assertThat(refreshed.getStatusCode()).as("the refresh at B once A's lease lapsed").isEqualTo(200);
        assertThat(SipTestHeaders.get(refreshed, "Expires")).isEqualTo("900");
        assertThat(((javax.sip.header.ToHeader) refreshed.getHeader(javax.sip.header.ToHeader.NAME)).getTag())
            .as("the same dialog").isEqualTo(dialog.toTag());
        assertThat(owner(dialog.callId())).isEqualTo("node-b");
        // B's NOTIFY for the refresh (and perhaps one of its batch takeover first), in A's dialog, above A's CSeqs.
        Request fromB = Notifies.next(watcher);
        assertThat(sender(fromB)).isEqualTo(nodeB.sipPort());
        assertThat(SipTestHeaders.get(fromB, "Call-ID")).isEqualTo(dialog.callId());
        assertThat(cseq(fromB)).isGreaterThan(cseq(lastOfA));
        assertThat(Notifies.body(fromB)).contains("before the pause");
        System.out.printf("ClusterIT: in-dialog refresh at node B: taken over on request %.0f time(s)%n",
            metric(nodeB, "presence_cluster_dialogs_adopted_total"));

        Response ended = watcher.call(toNodeB(dialog.refreshRequest(0)));
        assertThat(ended.getStatusCode()).as("the un-SUBSCRIBE at B").isEqualTo(200);
        Request terminated = Notifies.next(watcher);
        while (!SipTestHeaders.get(terminated, "Subscription-State").startsWith("terminated")) {
          assertThat(cseq(terminated)).isGreaterThan(cseq(fromB));
          fromB = terminated;
          terminated = Notifies.next(watcher);
        }
        assertThat(sender(terminated)).isEqualTo(nodeB.sipPort());
        assertThat(cseq(terminated)).isGreaterThan(cseq(fromB));
        assertThat(subscriptionCount(dialog.callId())).as("the row is gone").isZero();
      } finally {
        nodeA.signal("CONT");
      }
      assertThat(watcher.awaitRequest(Request.NOTIFY, 3000)).as("nothing more in the ended dialog").isNull();
    }
  }

  @Test
  void theAdminApiOfNodeAListsBothNodesWithTheirOwnersAndItsChangeFeedMovesWithAChangeOnNodeB() throws Exception {
    AdminHttp adminA = new AdminHttp(nodeA.httpPort(), OPERATOR, PASSWORD);
    try (SipTestClient watcherOfA = new SipTestClient("udp", nodeA.sipPort());
        SipTestClient watcherOfB = new SipTestClient("udp", nodeB.sipPort())) {
      JsonObject before = cluster(adminA);
      String frank = TestAors.unique("frank");
      watchNothingPublished(watcherOfA, frank);
      watchNothingPublished(watcherOfA, TestAors.unique("grace"));
      watchNothingPublished(watcherOfB, TestAors.unique("heidi"));

      JsonObject view = cluster(adminA);
      assertThat(view.getString("mode")).isEqualTo("cluster");
      assertThat(view.getString("nodeId")).isEqualTo("node-a");
      assertThat(view.getBoolean("leaseHeld")).isTrue();
      assertThat(view.getJsonArray("nodes")).hasSize(2);
      JsonObject a = node(view, "node-a");
      JsonObject b = node(view, "node-b");
      assertThat(a.getBoolean("self")).isTrue();
      assertThat(b.getBoolean("self")).isFalse();
      assertThat(a.getBoolean("alive")).isTrue();
      assertThat(b.getBoolean("alive")).isTrue();
      assertThat(a.getJsonNumber("generation").longValue()).isEqualTo(view.getJsonNumber("generation").longValue());
      // Renewed every lease/3 (1 s): the last renewal is recent and the lease runs at most 3 s beyond it.
      Instant databaseTime = Instant.parse(view.getString("databaseTime"));
      assertThat(Duration.between(Instant.parse(b.getString("lastRenewal")), databaseTime)).isLessThan(Duration.ofSeconds(3));
      assertThat(Duration.between(databaseTime, Instant.parse(b.getString("leaseUntil")))).isPositive()
          .isLessThanOrEqualTo(Duration.ofSeconds(3));
      assertThat(owned(a) - owned(node(before, "node-a"))).as("watchers subscribed at A").isEqualTo(2);
      assertThat(owned(b) - owned(node(before, "node-b"))).as("watchers subscribed at B").isEqualTo(1);
      assertThat(owned(a)).isEqualTo(ownedInDatabase("node-a"));
      assertThat(owned(b)).isEqualTo(ownedInDatabase("node-b"));
      assertThat(view.getJsonNumber("subscriptions").longValue()).isEqualTo(owned(a) + owned(b));
      assertThat(view.getJsonNumber("orphanedSubscriptions").longValue()).isZero();
      assertThat(cluster(new AdminHttp(nodeB.httpPort(), OPERATOR, PASSWORD)).getString("nodeId")).isEqualTo("node-b");

      JsonObject feedBefore = view.getJsonObject("changeFeed");
      try (SipTestClient phone = new SipTestClient("udp", nodeB.sipPort())) {
        assertThat(new Publisher(phone).publish(frank, 600, null, Pidf.open(frank, "desk", "seen by the console"))
            .getStatusCode()).isEqualTo(200);
      }
      assertThat(Notifies.body(Notifies.next(watcherOfA))).contains("seen by the console"); // A applied B's change
      JsonObject feedAfter = cluster(adminA).getJsonObject("changeFeed");
      assertThat(feedAfter.getJsonNumber("position").longValue()).isGreaterThan(feedBefore.getJsonNumber("position").longValue());
      assertThat(feedAfter.getJsonNumber("head").longValue()).isGreaterThan(feedBefore.getJsonNumber("head").longValue());
      assertThat(feedAfter.getJsonNumber("changesApplied").longValue())
          .isGreaterThan(feedBefore.getJsonNumber("changesApplied").longValue());
      assertThat(feedAfter.getJsonNumber("behind").longValue()).isZero();
      assertThat(feedAfter.getJsonNumber("millisSinceLastRead").longValue()).isLessThan(POLL_MILLIS + 1000L);
    }
  }

  @Test
  void aClusterViewTheDatabaseCannotAnswerIsA503WithAMessage() throws Exception {
    AdminHttp adminA = new AdminHttp(nodeA.httpPort(), OPERATOR, PASSWORD);
    // The change log locked past the view's 5 s query timeout; leases (cluster_node) go on meanwhile.
    try (Connection connection = postgres.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      try (java.sql.Statement lock = connection.createStatement()) {
        lock.execute("LOCK TABLE change_log IN ACCESS EXCLUSIVE MODE");
        HttpResponse<String> refused = adminA.get("cluster");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonObject error = AdminHttp.object(refused);
        assertThat(error.getInt("status")).isEqualTo(503);
        assertThat(error.getString("message")).contains("cannot be read from the shared database");
      } finally {
        connection.rollback();
      }
    }
    assertThat(adminA.get("cluster").statusCode()).as("once the database answers again").isEqualTo(200);
  }

  private static JsonObject cluster(AdminHttp admin) throws Exception {
    HttpResponse<String> answer = admin.get("cluster");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return AdminHttp.object(answer);
  }

  private static JsonObject node(JsonObject view, String nodeId) {
    return view.getJsonArray("nodes").getValuesAs(JsonObject.class).stream()
        .filter(node -> node.getString("nodeId").equals(nodeId)).findFirst()
        .orElseThrow(() -> new AssertionError(nodeId + " not in " + view));
  }

  private static long owned(JsonObject node) {
    return node.getJsonNumber("subscriptionsOwned").longValue();
  }

  /** Counted here with a statement of the test's own: the rows of the node's current generation. */
  private static long ownedInDatabase(String nodeId) throws Exception {
    return Long.parseLong(query("SELECT COUNT(*) FROM subscription s JOIN cluster_node n ON n.node_id = s.owner_node"
        + " AND n.generation = s.owner_generation WHERE n.node_id = ?", nodeId));
  }

  /** The same in-dialog request, sent to node B instead of the dialog's remote target (node A). */
  private static Request toNodeB(Request request) {
    javax.sip.address.SipURI target = (javax.sip.address.SipURI) request.getRequestURI().clone();
    try {
      target.setPort(nodeB.sipPort());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    request.setRequestURI(target);
    return request;
  }

  private static int subscriptionCount(String callId) throws Exception {
    return Integer.parseInt(query("SELECT COUNT(*) FROM subscription WHERE call_id = ?", callId));
  }

  /** Subscribes to a presentity with nothing published yet: its first NOTIFY is the closed state. */
  private static SubscriptionDialog watchNothingPublished(SipTestClient watcher, String presentity) throws Exception {
    SubscriptionDialog dialog = SubscriptionDialog.subscribe(watcher, TestAors.unique("watcher"), presentity, 600).dialog();
    assertThat(Notifies.body(Notifies.next(watcher))).contains("<basic>closed</basic>");
    return dialog;
  }

  /** The SIP port of the node that sent a request (its Contact). */
  private static int sender(Request request) {
    String contact = SipTestHeaders.get(request, "Contact");
    java.util.regex.Matcher port = java.util.regex.Pattern.compile("(?:\\d{1,3}\\.){3}\\d{1,3}:(\\d+)").matcher(contact);
    assertThat(port.find()).as("a port in %s", contact).isTrue();
    return Integer.parseInt(port.group(1));
  }

  private static long cseq(Request request) {
    return ((javax.sip.header.CSeqHeader) request.getHeader(javax.sip.header.CSeqHeader.NAME)).getSeqNumber();
  }

  /** A series of the node's /metrics (Prometheus text). */
  private static double metric(ClusterJarNode node, String series) throws Exception {
    java.net.http.HttpResponse<String> scrape = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + node.httpPort() + "/metrics")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    return scrape.body().lines().filter(line -> line.startsWith(series + " ")).findFirst()
        .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .orElseThrow(() -> new AssertionError(series + " not in " + node.name() + "'s metrics"));
  }

  private static String owner(String callId) throws Exception {
    return query("SELECT owner_node FROM subscription WHERE call_id = ?", callId);
  }

  private static int publicationCount(String presentity) throws Exception {
    return Integer.parseInt(query("SELECT COUNT(*) FROM publication WHERE presentity = ?", presentity));
  }

  /** The first column of the one row {@code sql} finds for {@code parameter}, as text. */
  private static String query(String sql, String parameter) throws Exception {
    try (Connection connection = postgres.dataSource().getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, parameter);
      try (ResultSet row = query.executeQuery()) {
        assertThat(row.next()).as("a row for %s", parameter).isTrue();
        return row.getString(1);
      }
    }
  }

  /** The percentile in milliseconds (nearest rank). */
  private static double percentile(List<Long> nanos, int percent) {
    List<Long> sorted = nanos.stream().sorted().toList();
    int rank = Math.max(1, (int) Math.ceil(percent / 100.0 * sorted.size()));
    return sorted.get(rank - 1) / 1_000_000.0;
  }
}
