package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The HTTP admin API over real HTTP against the running server, with its effects seen over real
 * SIP: a terminated subscription's watcher gets the final NOTIFY, a publication made through the
 * API reaches the watchers, a re-authorization applies rules the server had not yet seen.
 * Pres-rules come from the server's own XCAP server read as an external one
 * ({@code auth_xcap_root}) with a long refresh time, so a changed document is seen only when an
 * operator asks for it (the seed's {@code pa.authorize}).
 */
class AdminApiIT {

  private static final String PIDF = "application/pidf+xml";

  @RegisterExtension
  static final PresenceServerExtension SERVER = new PresenceServerExtension()
      .param("auth", "xcap")
      .param("auth_xcap_root", "http://127.0.0.1:{httpPort}/xcap-root")
      .param("auth_rules_refresh_time", "3600")
      .param("xcap_open", "1")
      .param("admin_credentials", "ops:s3cret,backup:other")
      .param("jmx_name", "admin-api-it");

  private final AdminHttp admin = new AdminHttp(SERVER.httpPort(), "ops", "s3cret");
  private final XcapHttp xcap = new XcapHttp(SERVER.httpPort());

  /** Bob watches alice with her rules allowing him: an active subscription (first NOTIFY consumed). */
  private SubscriptionDialog bobWatches(SipTestClient client, String alice, String bob) throws Exception {
    assertThat(xcap.putRules(alice, PresRulesDocs.one(bob, "allow")).statusCode()).isEqualTo(201);
    SubscriptionDialog dialog = SubscriptionDialog.subscribe(client, bob, alice, 600).dialog();
    Notifies.nextActiveOnceRulesAreRead(client);
    return dialog;
  }

  @Test
  void listsAndShowsAPresentityWithItsDocumentPublicationsRegistrationsAndWatchers() throws Exception {
    String alice = TestAors.unique("alice");
    String bob = TestAors.unique("bob");
    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      SubscriptionDialog dialog = bobWatches(client, alice, bob);
      Response published = new Publisher(client).publish(alice, 600, null, Pidf.open(alice, "phone", "in the office"));
      Notifies.next(client);
      assertThat(new Registrar(client, alice).register(600, "<sip:alice@192.0.2.7:5060>").getStatusCode()).isEqualTo(200);
      Notifies.next(client);

      JsonObject listed = AdminHttp.array(admin.get("presentities")).getValuesAs(JsonObject.class).stream()
          .filter(row -> row.getString("presentity").equals(alice))
          .findFirst().orElseThrow();
      assertThat(listed.getInt("publications")).isEqualTo(1);
      assertThat(listed.getInt("registrations")).isEqualTo(1);
      assertThat(listed.getInt("subscriptions")).isEqualTo(1);
      assertThat(listed.getBoolean("online")).isTrue();

      HttpResponse<String> shown = admin.get("presentities/" + AdminHttp.segment(alice));
      assertThat(shown.statusCode()).isEqualTo(200);
      assertThat(shown.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
      JsonObject details = AdminHttp.object(shown);
      assertThat(details.getString("presenceDocument")).contains("urn:ietf:params:xml:ns:pidf").contains("in the office")
          .contains("sip:alice@192.0.2.7:5060");
      assertThat(details.getJsonArray("publicationList").getJsonObject(0).getString("etag"))
          .isEqualTo(Publisher.etag(published));
      assertThat(details.getJsonArray("publicationList").getJsonObject(0).getString("contentType")).isEqualTo(PIDF);
      assertThat(details.getJsonArray("registrationList").getJsonObject(0).getString("contact"))
          .isEqualTo("sip:alice@192.0.2.7:5060");

      JsonArray watchers = AdminHttp.array(admin.get("presentities/" + AdminHttp.segment(alice) + "/subscriptions"));
      assertThat(watchers).hasSize(1);
      JsonObject watcher = watchers.getJsonObject(0);
      assertThat(watcher.getString("watcher")).isEqualTo(bob);
      assertThat(watcher.getString("event")).isEqualTo("presence");
      assertThat(watcher.getString("state")).isEqualTo("active");
      assertThat(watcher.getString("callId")).isEqualTo(dialog.callId());
      assertThat(watcher.getJsonNumber("expiresIn").longValue()).isBetween(590L, 600L);
    }
  }

  @Test
  void terminatingASubscriptionSendsTheWatcherAFinalNotifyAndForgetsIt() throws Exception {
    String alice = TestAors.unique("alice");
    String bob = TestAors.unique("bob");
    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      SubscriptionDialog dialog = bobWatches(client, alice, bob);
      String id = AdminHttp.array(admin.get("presentities/" + AdminHttp.segment(alice) + "/subscriptions"))
          .getJsonObject(0).getString("id");

      HttpResponse<String> deleted = admin.delete("subscriptions/" + AdminHttp.segment(id));

      assertThat(deleted.statusCode()).isEqualTo(200);
      assertThat(AdminHttp.object(deleted).getString("reason")).isEqualTo("noresource");
      Request last = Notifies.next(client);
      assertThat(Notifies.state(last)).isEqualTo("terminated;reason=noresource");
      assertThat(AdminHttp.array(admin.get("presentities/" + AdminHttp.segment(alice) + "/subscriptions"))).isEmpty();
      assertThat(dialog.refresh(600).getStatusCode()).as("the subscription is gone").isEqualTo(481);
      assertThat(admin.delete("subscriptions/" + AdminHttp.segment(id)).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void theCallerMayNameTheTerminationReason() throws Exception {
    String alice = TestAors.unique("alice");
    String bob = TestAors.unique("bob");
    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      bobWatches(client, alice, bob);
      String id = AdminHttp.array(admin.get("presentities/" + AdminHttp.segment(alice) + "/subscriptions"))
          .getJsonObject(0).getString("id");

      assertThat(admin.delete("subscriptions/" + AdminHttp.segment(id) + "?reason=bogus").statusCode()).isEqualTo(400);
      assertThat(admin.delete("subscriptions/" + AdminHttp.segment(id) + "?reason=deactivated").statusCode())
          .isEqualTo(200);

      assertThat(Notifies.state(Notifies.next(client))).isEqualTo("terminated;reason=deactivated");
    }
  }

  @Test
  void aPublicationMadeThroughTheApiNotifiesTheWatchers() throws Exception {
    String alice = TestAors.unique("alice");
    String bob = TestAors.unique("bob");
    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      bobWatches(client, alice, bob);

      HttpResponse<String> created = admin.post("presentities/" + AdminHttp.segment(alice) + "/publications?expires=300",
          PIDF + "; charset=UTF-8", Pidf.open(alice, "desk", "published by the operator"));

      assertThat(created.statusCode()).isEqualTo(201);
      assertThat(AdminHttp.object(created).getJsonNumber("expires").longValue()).isEqualTo(300);
      String etag = AdminHttp.object(created).getString("etag");
      Request notify = Notifies.next(client);
      assertThat(Notifies.state(notify)).startsWith("active");
      assertThat(Notifies.body(notify)).contains("<basic>open</basic>").contains("published by the operator");
      assertThat(AdminHttp.object(admin.get("presentities/" + AdminHttp.segment(alice)))
          .getJsonArray("publicationList").getJsonObject(0).getString("etag")).isEqualTo(etag);
      assertThat(AdminHttp.object(admin.get("online/" + AdminHttp.segment(alice))).getBoolean("online")).isTrue();
    }
  }

  @Test
  void aPublicationOfAnUnknownTypeOrAnInvalidDocumentIsRefused() throws Exception {
    String path = "presentities/" + AdminHttp.segment(TestAors.unique("alice")) + "/publications";

    HttpResponse<String> wrongType = admin.post(path, "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
    assertThat(wrongType.statusCode()).isEqualTo(415);
    assertThat(AdminHttp.object(wrongType).getString("message")).contains(PIDF);

    HttpResponse<String> invalid = admin.post(path, PIDF, "<presence>".getBytes(StandardCharsets.UTF_8));
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(AdminHttp.object(invalid).getInt("status")).isEqualTo(400);

    assertThat(admin.post(path + "?expires=soon", PIDF, Pidf.open("sip:a@example.com", "t", "n")).statusCode())
        .isEqualTo(400);
  }

  @Test
  void reAuthorizingAPresentityAppliesRulesChangedSinceTheyWereRead() throws Exception {
    String alice = TestAors.unique("alice");
    String bob = TestAors.unique("bob");
    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      new Publisher(client).publish(alice, 600, null, Pidf.open(alice, "phone", "visible after authorize"));
      SubscriptionDialog.subscribe(client, bob, alice, 600);
      assertThat(Notifies.state(Notifies.next(client))).startsWith("pending"); // no rules yet
      assertThat(xcap.putRules(alice, PresRulesDocs.one(bob, "allow")).statusCode()).isEqualTo(201);
      assertThat(client.awaitRequest(Request.NOTIFY, 700)).as("cached rules: nothing changes yet").isNull();

      HttpResponse<String> authorized = admin.post("presentities/" + AdminHttp.segment(alice) + "/authorize");

      assertThat(authorized.statusCode()).isEqualTo(200);
      Request active = Notifies.next(client);
      assertThat(Notifies.state(active)).startsWith("active");
      assertThat(Notifies.body(active)).contains("visible after authorize");
    }
  }

  @Test
  void onlineCleanupDumpAndSettings() throws Exception {
    String carol = TestAors.unique("carol");
    assertThat(AdminHttp.object(admin.get("online/" + AdminHttp.segment(carol))).getBoolean("online")).isFalse();
    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      new Registrar(client, carol).register(600, "<sip:carol@192.0.2.8:5060>");
    }
    assertThat(AdminHttp.object(admin.get("online/" + carol)).getBoolean("online")).isTrue();

    HttpResponse<String> cleanup = admin.post("cleanup");
    assertThat(cleanup.statusCode()).isEqualTo(200);
    assertThat(AdminHttp.object(cleanup).keySet())
        .containsExactlyInAnyOrder("subscriptions", "publications", "registrations", "offlineWatchers");

    HttpResponse<String> dump = admin.get("dump");
    assertThat(dump.statusCode()).isEqualTo(200);
    JsonObject state = AdminHttp.object(dump);
    assertThat(state.getInt("registrations")).isGreaterThanOrEqualTo(1);
    assertThat(state.getJsonArray("presentities").getValuesAs(JsonObject.class))
        .anySatisfy(row -> assertThat(row.getString("presentity")).isEqualTo(carol));
    assertThat(state.getJsonObject("settings").getString("jmx_name")).isEqualTo("admin-api-it");
    assertThat(dump.body()).as("passwords never leave").doesNotContain("s3cret").contains("ops:****");

    JsonObject settings = AdminHttp.object(admin.get("settings"));
    assertThat(settings.getString("auth")).isEqualTo("xcap");
    assertThat(settings.getString("auth_rules_refresh_time")).isEqualTo("3600");
    HttpResponse<String> fixed = admin.put("settings", "application/json", "{\"auth\":\"none\"}");
    assertThat(fixed.statusCode()).isEqualTo(400);
    assertThat(AdminHttp.object(fixed).getString("message")).contains("auth").contains("restart");
    assertThat(admin.put("settings", "text/plain", "ignore_408_on_notify=1").statusCode()).isEqualTo(415);
    assertThat(admin.put("settings", "application/json", "{not json").statusCode()).isEqualTo(400);
    HttpResponse<String> wrongMethod = admin.delete("settings");
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(wrongMethod.headers().firstValue("Allow")).contains("GET, PUT");
  }

  @Test
  void theMaximumSubscriptionExpiryChangesWhileRunning() throws Exception {
    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      HttpResponse<String> changed =
          admin.put("settings", "application/json", "{\"max_subscription_expiration\": \"120\"}");
      assertThat(changed.statusCode()).isEqualTo(200);
      assertThat(AdminHttp.object(changed).getString("max_subscription_expiration")).isEqualTo("120");
      try {
        javax.sip.message.Response ok = SubscriptionDialog.subscribe(
            client, TestAors.unique("bob"), TestAors.unique("alice"), 3600).response();
        assertThat(((javax.sip.header.ExpiresHeader) ok.getHeader("Expires")).getExpires())
            .as("clamped to the new maximum").isEqualTo(120);
        HttpResponse<String> inconsistent = admin.put("settings", "application/json", "{\"min_expires\": \"600\"}");
        assertThat(inconsistent.statusCode()).isEqualTo(400);
        assertThat(AdminHttp.object(inconsistent).getString("message")).contains("min_expires=600");
      } finally {
        admin.put("settings", "application/json", "{\"max_subscription_expiration\": \"3600\"}");
      }
    }
  }

  @Test
  void ignore408OnNotifyChangesWhileRunning() throws Exception {
    String alice = TestAors.unique("alice");
    String bob = TestAors.unique("bob");
    String subscriptions = "presentities/" + AdminHttp.segment(alice) + "/subscriptions";
    String publications = "presentities/" + AdminHttp.segment(alice) + "/publications";
    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      bobWatches(client, alice, bob);
      client.answerNotifiesWith(notify -> 408);
      try {
        HttpResponse<String> changed = admin.put("settings", "application/json", "{\"ignore_408_on_notify\": true}");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(AdminHttp.object(changed).getString("ignore_408_on_notify")).isEqualTo("1");

        admin.post(publications, PIDF, Pidf.open(alice, "t1", "first"));
        Notifies.next(client);
        Thread.sleep(300); // the 408 reaches the server; the next NOTIFY below shows it was kept
        assertThat(AdminHttp.array(admin.get(subscriptions))).as("kept despite the 408").hasSize(1);

        admin.put("settings", "application/json", "{\"ignore_408_on_notify\": \"0\"}");
        admin.post(publications, PIDF, Pidf.open(alice, "t2", "second"));
        Notifies.next(client);
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
            assertThat(AdminHttp.array(admin.get(subscriptions))).as("removed after the 408").isEmpty());
      } finally {
        admin.put("settings", "application/json", "{\"ignore_408_on_notify\": \"0\"}");
      }
    }
  }

  @Test
  void requestsWithoutValidCredentialsAreChallenged() throws Exception {
    for (AdminHttp stranger : new AdminHttp[] {
        new AdminHttp(SERVER.httpPort(), null, null), new AdminHttp(SERVER.httpPort(), "ops", "wrong"),
        new AdminHttp(SERVER.httpPort(), "nobody", "s3cret")}) {
      HttpResponse<String> refused = stranger.get("presentities");

      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
          challenge -> assertThat(challenge).startsWith("Basic realm="));
      assertThat(AdminHttp.object(refused).getString("message")).contains("credentials");
    }
    assertThat(new AdminHttp(SERVER.httpPort(), "backup", "other").get("presentities").statusCode()).isEqualTo(200);
  }

  @Test
  void unknownResourcesAndMethodsAreAnsweredWithJsonErrors() throws Exception {
    HttpResponse<String> unknown = admin.get("nothing-here");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(AdminHttp.object(unknown).getString("message")).contains("presentities");

    HttpResponse<String> wrongMethod = admin.delete("presentities");
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(wrongMethod.headers().firstValue("Allow")).contains("GET");

    assertThat(admin.get("presentities/" + AdminHttp.segment(TestAors.unique("nobody"))).statusCode()).isEqualTo(404);
    assertThat(admin.get("presentities/" + AdminHttp.segment("not an address")).statusCode()).isEqualTo(400);
    assertThat(admin.delete("subscriptions/" + AdminHttp.segment("no-bars")).statusCode()).isEqualTo(400);
  }

  @Test
  void aSingleNodesClusterViewSaysSingleNodeAndOnlyGetIsAllowed() throws Exception {
    HttpResponse<String> view = admin.get("cluster");
    assertThat(view.statusCode()).isEqualTo(200);
    JsonObject cluster = AdminHttp.object(view);
    assertThat(cluster.getString("mode")).isEqualTo("single node");
    assertThat(cluster.getBoolean("clustered")).isFalse();
    HttpResponse<String> wrongMethod = admin.post("cluster");
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("GET");
    assertThat(new AdminHttp(SERVER.httpPort(), "ops", "wrong").get("cluster").statusCode())
        .as("the same authentication as every admin resource").isEqualTo(401);
  }
}
