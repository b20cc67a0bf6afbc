package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code auth=xcap} end to end: pres-rules PUT over real HTTP to the built-in XCAP server decide
 * what watchers get over real SIP, and a change applies to live subscriptions at once, without any
 * re-SUBSCRIBE (RFC 5025, RFC 6665 section 4.2.2). The XCAP server is open here so that each test
 * can use fresh addresses; its authentication is covered by {@link XcapServerIT}.
 */
class PresRulesIT {

  @RegisterExtension
  static final PresenceServerExtension SERVER = new PresenceServerExtension()
      .param("auth", "xcap")
      .param("xcap_open", "1");

  private final XcapHttp xcap = new XcapHttp(SERVER.httpPort());

  private static Response subscribe(SipTestClient client, String watcher, String presentity) throws Exception {
    Request subscribe = client.newRequest(Request.SUBSCRIBE, watcher, presentity, 1);
    SipTestClient.setHeader(subscribe, "Event", "presence");
    SipTestClient.setHeader(subscribe, "Expires", "300");
    return client.call(subscribe);
  }

  private static void publishOpen(SipTestClient client, String presentity) throws Exception {
    Response ok = new Publisher(client).publish(presentity, 600, null, Pidf.open(presentity, "phone", "in the office"));
    assertThat(ok.getStatusCode()).isEqualTo(200);
  }

  @Test
  void aPendingWatcherGetsTheRealDocumentAsSoonAsTheRulesAllowIt() throws Exception {
    String alice = TestAors.unique("alice");
    String bob = TestAors.unique("bob");
    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      publishOpen(client, alice);

      assertThat(subscribe(client, bob, alice).getStatusCode()).isEqualTo(200);
      Request pending = Notifies.next(client);
      assertThat(Notifies.state(pending)).startsWith("pending");
      assertThat(pending.getRawContent()).isNull();

      assertThat(xcap.putRules(alice, PresRulesDocs.one(bob, "allow")).statusCode()).isEqualTo(201);

      Request active = Notifies.next(client);
      assertThat(Notifies.state(active)).startsWith("active;expires=");
      assertThat(Notifies.body(active)).contains("<basic>open</basic>").contains("in the office");
    }
  }

  @Test
  void aBlockedWatcherGets403AndALiveOneIsTerminatedRejected() throws Exception {
    String alice = TestAors.unique("alice");
    String smith = TestAors.unique("smith");
    String bob = TestAors.unique("bob");
    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      xcap.putRules(alice, PresRulesDocs.one(smith, "block"));
      assertThat(subscribe(client, smith, alice).getStatusCode()).isEqualTo(403);
      assertThat(client.awaitRequest(Request.NOTIFY, 300)).as("no NOTIFY after a 403").isNull();

      assertThat(xcap.putRules(alice, PresRulesDocs.one(bob, "allow")).statusCode()).isEqualTo(200);
      assertThat(subscribe(client, bob, alice).getStatusCode()).isEqualTo(200);
      assertThat(Notifies.state(Notifies.next(client))).startsWith("active");

      xcap.putRules(alice, PresRulesDocs.one(bob, "block"));

      Request ended = Notifies.next(client);
      assertThat(Notifies.state(ended)).isEqualTo("terminated;reason=rejected");
      assertThat(ended.getRawContent()).isNull();
    }
  }

  @Test
  void manyDomainAllowsTheDomainButNotTheExceptedWatcher() throws Exception {
    String alice = TestAors.unique("alice");
    String colleague = TestAors.unique("colleague");
    String smith = TestAors.unique("smith");
    try (SipTestClient client = new SipTestClient("tcp", SERVER.sipPort())) {
      publishOpen(client, alice);
      xcap.putRules(alice, PresRulesDocs.domainExcept("example.com", smith));

      subscribe(client, colleague, alice);
      Request toColleague = Notifies.next(client);
      assertThat(Notifies.state(toColleague)).startsWith("active");
      assertThat(Notifies.body(toColleague)).contains("<basic>open</basic>");

      subscribe(client, smith, alice);
      assertThat(Notifies.state(Notifies.next(client))).startsWith("pending");
      subscribe(client, TestAors.unique("stranger").replace("example.com", "elsewhere.org"), alice);
      assertThat(Notifies.state(Notifies.next(client))).startsWith("pending");
    }
  }

  @Test
  void aPolitelyBlockedWatcherIsActiveButOnlySeesAClosedDocument() throws Exception {
    String alice = TestAors.unique("alice");
    String eve = TestAors.unique("eve");
    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      publishOpen(client, alice);
      xcap.putRules(alice, PresRulesDocs.one(eve, "polite-block"));

      assertThat(subscribe(client, eve, alice).getStatusCode()).isEqualTo(200);
      Request notify = Notifies.next(client);
      assertThat(Notifies.state(notify)).startsWith("active");
      assertThat(Notifies.body(notify)).contains("<basic>closed</basic>").doesNotContain("in the office");

      publishOpen(client, alice); // a change of state: eve is told, but still sees nothing
      Request next = Notifies.next(client);
      assertThat(Notifies.body(next)).contains("<basic>closed</basic>").doesNotContain("<basic>open</basic>");
    }
  }

  @Test
  void withoutRulesEveryWatcherIsPendingButThePresentityMayWatchItself() throws Exception {
    String alice = TestAors.unique("alice");
    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      subscribe(client, TestAors.unique("bob"), alice);
      assertThat(Notifies.state(Notifies.next(client))).startsWith("pending");
      subscribe(client, alice, alice);
      assertThat(Notifies.state(Notifies.next(client))).startsWith("active");
    }
  }

  @Test
  void staticPresenceFromPidfManipulationReachesAllowedWatchersAtOnce() throws Exception {
    String alice = TestAors.unique("alice");
    String bob = TestAors.unique("bob");
    String staticPresence = "pidf-manipulation/users/" + alice + "/index";
    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      xcap.putRules(alice, PresRulesDocs.one(bob, "allow"));
      subscribe(client, bob, alice);
      assertThat(Notifies.body(Notifies.next(client))).contains("<basic>closed</basic>");

      assertThat(xcap.put(staticPresence, "application/pidf+xml", Pidf.open(alice, "static", "on holiday"))
          .statusCode()).isEqualTo(201);
      Request notify = Notifies.next(client);
      assertThat(Notifies.body(notify)).contains("on holiday").contains("<basic>open</basic>");

      byte[] notPidf = PresRulesDocs.ruleset("");
      assertThat(xcap.put(staticPresence, "application/pidf+xml", notPidf).body()).contains("schema-validation-error");
      // What a PUBLISH would repair is refused here: the XCAP server serves documents back as stored.
      byte[] unknownBasic = Pidf.text(Pidf.open(alice, "static", "on holiday"))
          .replace("<basic>open</basic>", "<basic>unknown</basic>").getBytes(java.nio.charset.StandardCharsets.UTF_8);
      var refused = xcap.put(staticPresence, "application/pidf+xml", unknownBasic);
      assertThat(refused.statusCode()).isEqualTo(409);
      assertThat(refused.body()).contains("schema-validation-error").contains("basic must be open or closed");
      assertThat(xcap.delete(staticPresence).statusCode()).isEqualTo(200);
      assertThat(Notifies.body(Notifies.next(client))).contains("<basic>closed</basic>").doesNotContain("on holiday");
    }
  }
}
