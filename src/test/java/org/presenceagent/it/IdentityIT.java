package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.presenceagent.application.identity.DigestAlgorithm;

/**
 * Issue 14's reproductions over real SIP, with digest_auth=1: each forged request gets 401 or 403
 * and changes nothing (no binding, no publication, no watcher information, no ended subscription),
 * while the legitimate user still succeeds. Users are added through the admin API (the database
 * table), so the subscriber store is exercised as an operator uses it. A P-Asserted-Identity from an
 * address that is not a trusted proxy (here every request: trusted_proxies names another host) is
 * ignored.
 */
class IdentityIT {

  private static final String REALM = "example.com";
  private static final String PASSWORD = "correct horse";

  @RegisterExtension
  static final PresenceServerExtension SERVER = new PresenceServerExtension()
      .param("digest_auth", "1")
      .param("digest_realm", REALM)
      .param("digest_secret", "a-shared-secret-of-the-cluster")
      .param("digest_algorithms", "MD5,SHA-256")
      .param("domains", "example.com")
      .param("trusted_proxies", "192.0.2.1")
      .param("auth", "implicit")
      .param("delete_same_subs", "1")
      .param("admin_credentials", "ops:ops-password");

  private AdminHttp admin;
  private String alice;
  private String bob;
  private String mallory;

  private String user(String aor) {
    return aor.substring("sip:".length(), aor.indexOf('@'));
  }

  @BeforeEach
  void addUsers() throws Exception {
    admin = new AdminHttp(SERVER.httpPort(), "ops", "ops-password");
    alice = TestAors.unique("alice");
    bob = TestAors.unique("bob");
    mallory = TestAors.unique("mallory");
    for (String aor : new String[] {alice, bob, mallory}) {
      HttpResponse<String> added = admin.post("subscribers", "application/json",
          ("{\"aor\": \"" + aor + "\", \"password\": \"" + PASSWORD + "\"}").getBytes(StandardCharsets.UTF_8));
      assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
      assertThat(added.body()).doesNotContain(PASSWORD);
    }
  }

  private Response asUser(SipTestClient client, Request request, String aor) throws Exception {
    return DigestAnswers.call(client, request, user(aor), PASSWORD);
  }

  private JsonArray subscriptions(String presentity) throws Exception {
    return AdminHttp.array(admin.get("presentities/" + AdminHttp.segment(presentity) + "/subscriptions"));
  }

  /** The presentity's counts; zeros when the server holds nothing about it (404). */
  private int count(String presentity, String what) throws Exception {
    HttpResponse<String> details = admin.get("presentities/" + AdminHttp.segment(presentity));
    if (details.statusCode() == 404) {
      return 0;
    }
    JsonObject object = AdminHttp.object(details);
    return object.getInt(what);
  }

  private Request subscribe(SipTestClient client, String from, String presentity, String event) throws Exception {
    Request subscribe = client.newRequest(Request.SUBSCRIBE, from, presentity, 1);
    SipTestClient.setHeader(subscribe, "Event", event);
    SipTestClient.setHeader(subscribe, "Expires", "600");
    return subscribe;
  }

  @Test
  void watcherInfoNeedsTheOwnersCredentials() throws Exception {
    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      Response unauthenticated = client.call(subscribe(client, alice, alice, "presence.winfo"));
      assertThat(unauthenticated.getStatusCode()).isEqualTo(401);
      assertThat(DigestAnswers.challenges(unauthenticated)).hasSize(2);
      assertThat(DigestAnswers.challenges(unauthenticated).get(0)).contains("algorithm=MD5").contains("qop=\"auth\"");
      assertThat(DigestAnswers.challenges(unauthenticated).get(1)).contains("algorithm=SHA-256");

      assertThat(asUser(client, subscribe(client, alice, alice, "presence.winfo"), mallory).getStatusCode())
          .as("Mallory's credentials with Alice's From").isEqualTo(403);
      assertThat(asUser(client, subscribe(client, mallory, alice, "presence.winfo"), mallory).getStatusCode())
          .as("Mallory as herself: only the owner sees the watcher list").isEqualTo(403);
      Request withAssertedAlice = subscribe(client, mallory, alice, "presence.winfo");
      SipTestClient.setHeader(withAssertedAlice, "P-Asserted-Identity", "<" + alice + ">");
      assertThat(asUser(client, withAssertedAlice, mallory).getStatusCode())
          .as("a P-Asserted-Identity from an untrusted address is ignored").isEqualTo(403);
      assertThat(subscriptions(alice)).isEmpty();

      assertThat(asUser(client, subscribe(client, alice, alice, "presence.winfo"), alice).getStatusCode() / 100)
          .isEqualTo(2);
      assertThat(subscriptions(alice)).singleElement()
          .satisfies(subscription -> assertThat(subscription.asJsonObject().getString("watcher")).isEqualTo(alice));
    }
  }

  @Test
  void aForgedFromCannotWatchAsSomebodyElseNorAsThePresentityItself() throws Exception {
    try (SipTestClient client = new SipTestClient("tcp", SERVER.sipPort())) {
      assertThat(asUser(client, subscribe(client, bob, bob, "presence"), mallory).getStatusCode())
          .as("Mallory as 'Bob watching himself'").isEqualTo(403);
      assertThat(asUser(client, subscribe(client, alice, bob, "presence"), mallory).getStatusCode())
          .as("Mallory as Alice").isEqualTo(403);
      assertThat(subscriptions(bob)).isEmpty();

      assertThat(asUser(client, subscribe(client, alice, bob, "presence"), alice).getStatusCode() / 100).isEqualTo(2);
      assertThat(subscriptions(bob)).singleElement()
          .satisfies(subscription -> assertThat(subscription.asJsonObject().getString("watcher")).isEqualTo(alice));
    }
  }

  @Test
  void onlyThePresentityMayPublish() throws Exception {
    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      Publisher publisher = new Publisher(client);
      Request forged = publisher.request(alice, 600, null, "application/pidf+xml", Pidf.open(alice, "t1", "forged"));
      assertThat(client.call(forged).getStatusCode()).isEqualTo(401);
      Request byMallory = publisher.request(alice, 600, null, "application/pidf+xml", Pidf.open(alice, "t1", "forged"));
      assertThat(asUser(client, byMallory, mallory).getStatusCode()).isEqualTo(403);
      assertThat(count(alice, "publications")).isZero();

      Request byAlice = publisher.request(alice, 600, null, "application/pidf+xml", Pidf.open(alice, "t1", "mine"));
      assertThat(asUser(client, byAlice, alice).getStatusCode()).isEqualTo(200);
      assertThat(count(alice, "publications")).isEqualTo(1);
    }
  }

  @Test
  void messagesInSomebodyElsesNameAreRefused() throws Exception {
    try (SipTestClient client = new SipTestClient("tcp", SERVER.sipPort())) {
      Request forged = client.newRequest(Request.MESSAGE, alice, bob, 1);
      client.setBody(forged, "text/plain", "it is me, Alice".getBytes(StandardCharsets.UTF_8));
      assertThat(client.call(forged).getStatusCode()).isEqualTo(401);
      Request byMallory = client.newRequest(Request.MESSAGE, alice, bob, 1);
      client.setBody(byMallory, "text/plain", "it is me, Alice".getBytes(StandardCharsets.UTF_8));
      assertThat(asUser(client, byMallory, mallory).getStatusCode()).isEqualTo(403);

      Request foreign = client.newRequest(Request.MESSAGE, alice, "sip:someone@elsewhere.org", 1);
      client.setBody(foreign, "text/plain", "relay this".getBytes(StandardCharsets.UTF_8));
      Response notRelaying = asUser(client, foreign, alice);
      assertThat(notRelaying.getStatusCode()).isEqualTo(403);
      assertThat(notRelaying.getReasonPhrase()).isEqualTo("Not relaying");

      Request byAlice = client.newRequest(Request.MESSAGE, alice, bob, 1);
      client.setBody(byAlice, "text/plain", "hello Bob".getBytes(StandardCharsets.UTF_8));
      assertThat(asUser(client, byAlice, alice).getStatusCode())
          .as("authenticated, and then routed: Bob is not registered").isIn(404, 480);
    }
  }

  @Test
  void onlyTheOwnerMayRegisterOrRemoveBindingsAndNeverInAForeignDomainOrToUs() throws Exception {
    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      Registrar aliceRegistrar = new Registrar(client, alice);
      assertThat(asUser(client, aliceRegistrar.request(600, "<sip:alice@127.0.0.1:5977>"), alice).getStatusCode())
          .isEqualTo(200);

      Registrar attacker = new Registrar(client, alice);
      assertThat(client.call(attacker.request(600, "<sip:evil@127.0.0.1:6666>")).getStatusCode()).isEqualTo(401);
      assertThat(asUser(client, attacker.request(600, "<sip:evil@127.0.0.1:6666>"), mallory).getStatusCode())
          .as("Mallory registering her Contact for Alice").isEqualTo(403);
      assertThat(client.call(attacker.request(0, "*")).getStatusCode()).as("Contact: * for Alice").isEqualTo(401);
      assertThat(asUser(client, attacker.request(0, "*"), mallory).getStatusCode()).isEqualTo(403);
      assertThat(count(alice, "registrations")).isEqualTo(1);

      String foreignAlice = "sip:" + user(alice) + "@example.org";
      assertThat(asUser(client, new Registrar(client, foreignAlice).request(600, "<sip:alice@127.0.0.1:5977>"), alice)
          .getStatusCode()).as("Alice's password for another domain").isEqualTo(403);
      assertThat(asUser(client, aliceRegistrar.request(600, "<sip:alice@127.0.0.1:" + SERVER.sipPort() + ">"), alice)
          .getStatusCode()).as("a Contact that is this server: a loop").isEqualTo(403);
      assertThat(count(alice, "registrations")).isEqualTo(1);
    }
  }

  @Test
  void aReplayedAuthorizationIsRefusedEvenWithAnotherContact() throws Exception {
    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      Registrar registrar = new Registrar(client, alice);
      Response challenge = client.call(registrar.request(600, "<sip:alice@127.0.0.1:5978>"));
      String md5 = DigestAnswers.challenge(challenge, DigestAlgorithm.MD5);
      Request signed = registrar.request(600, "<sip:alice@127.0.0.1:5978>");
      String authorization = DigestAnswers.authorization(signed, user(alice), PASSWORD, REALM, DigestAnswers.nonce(md5),
          DigestAlgorithm.MD5, 1);
      SipTestClient.setHeader(signed, "Authorization", authorization);
      assertThat(client.call(signed).getStatusCode()).isEqualTo(200);

      Request replay = registrar.request(600, "<sip:evil@127.0.0.1:6666>");
      SipTestClient.setHeader(replay, "Authorization", authorization);
      assertThat(client.call(replay).getStatusCode()).as("the sniffed Authorization again").isEqualTo(401);
      assertThat(AdminHttp.object(admin.get("presentities/" + AdminHttp.segment(alice))).getJsonArray("registrationList"))
          .singleElement().satisfies(binding -> assertThat(binding.asJsonObject().getString("contact"))
              .isEqualTo("sip:alice@127.0.0.1:5978"));

      Request next = registrar.request(600, "<sip:alice@127.0.0.1:5978>");
      SipTestClient.setHeader(next, "Authorization", DigestAnswers.authorization(next, user(alice), PASSWORD, REALM,
          DigestAnswers.nonce(md5), DigestAlgorithm.MD5, 2));
      assertThat(client.call(next).getStatusCode()).as("the owner's next count on the same nonce").isEqualTo(200);
    }
  }

  @Test
  void sha256CredentialsAreAcceptedToo() throws Exception {
    try (SipTestClient client = new SipTestClient("tcp", SERVER.sipPort())) {
      Registrar registrar = new Registrar(client, bob);
      Response challenge = client.call(registrar.request(600, "<sip:bob@127.0.0.1:5979>"));
      String sha = DigestAnswers.challenge(challenge, DigestAlgorithm.SHA_256);
      Request signed = registrar.request(600, "<sip:bob@127.0.0.1:5979>");
      SipTestClient.setHeader(signed, "Authorization", DigestAnswers.authorization(signed, user(bob), PASSWORD, REALM,
          DigestAnswers.nonce(sha), DigestAlgorithm.SHA_256, 1));
      assertThat(client.call(signed).getStatusCode()).isEqualTo(200);
    }
  }

  @Test
  void aForgedSubscribeCannotEndAnotherWatchersSubscription() throws Exception {
    try (SipTestClient bobsPhone = new SipTestClient("udp", SERVER.sipPort());
        SipTestClient attacker = new SipTestClient("udp", SERVER.sipPort())) {
      assertThat(asUser(bobsPhone, subscribe(bobsPhone, bob, alice, "presence"), bob).getStatusCode() / 100).isEqualTo(2);
      assertThat(subscriptions(alice)).hasSize(1);

      // delete_same_subs=1: same watcher, presentity, event and Contact replace the old subscription
      Request forged = subscribe(attacker, bob, alice, "presence");
      forged.removeHeader("Contact");
      SipTestClient.setHeader(forged, "Contact", "<" + bobsPhone.contactUri() + ">");
      assertThat(asUser(attacker, forged, mallory).getStatusCode()).isEqualTo(403);
      assertThat(subscriptions(alice)).singleElement()
          .satisfies(subscription -> assertThat(subscription.asJsonObject().getString("watcher")).isEqualTo(bob));
    }
  }

  /** Users added through the admin API are rows of the subscriber table: they outlive a restart. */
  @Test
  void storedUsersSurviveARestartAndRemovedOnesAreRefused() throws Exception {
    assertThat(admin.delete("subscribers/" + AdminHttp.segment(mallory)).statusCode()).isEqualTo(204);
    SERVER.stop();
    SERVER.start();
    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      assertThat(asUser(client, new Registrar(client, bob).request(600, "<sip:bob@127.0.0.1:5980>"), bob)
          .getStatusCode()).isEqualTo(200);
      assertThat(asUser(client, new Registrar(client, mallory).request(600, "<sip:m@127.0.0.1:5981>"), mallory)
          .getStatusCode()).as("removed before the restart").isEqualTo(401);
    }
    HttpResponse<String> listed = new AdminHttp(SERVER.httpPort(), "ops", "ops-password").get("subscribers");
    assertThat(listed.statusCode()).as(listed.headers() + " " + listed.body()).isEqualTo(200);
    assertThat(listed.body()).contains(alice, bob).doesNotContain(mallory).doesNotContain(PASSWORD);
  }

  @Test
  void foreignDomainsAreNotServed() throws Exception {
    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      String foreign = "sip:" + user(alice) + "@elsewhere.org";
      Response subscribe = client.call(subscribe(client, alice, foreign, "presence"));
      assertThat(subscribe.getStatusCode()).isEqualTo(403);
      assertThat(subscribe.getReasonPhrase()).contains("not a local domain");
      Response publish = new Publisher(client).publish(foreign, 600, null, Pidf.open(foreign, "t", "x"));
      assertThat(publish.getStatusCode()).isEqualTo(403);
    }
  }
}
