package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Transformations (RFC 5025 section 3.3) and sphere conditions (RFC 4745 section 7.2) end to end:
 * rules PUT to the built-in XCAP server decide, per watcher, what each NOTIFY over real SIP
 * carries, and a PUBLISH that changes the presentity's sphere moves its watchers at once.
 * The default {@code pres_rules_transformations=seed} applies: a rule that grants nothing shows
 * everything ({@link PresRulesIT} relies on it); {@link StrictTransformationsIT} covers {@code rfc5025}.
 */
class PresRulesTransformationsIT {

  @RegisterExtension
  static final PresenceServerExtension SERVER = new PresenceServerExtension()
      .param("auth", "xcap")
      .param("xcap_open", "1");

  private final XcapHttp xcap = new XcapHttp(SERVER.httpPort());

  static Response subscribe(SipTestClient client, String watcher, String presentity) throws Exception {
    Request subscribe = client.newRequest(Request.SUBSCRIBE, watcher, presentity, 1);
    SipTestClient.setHeader(subscribe, "Event", "presence");
    SipTestClient.setHeader(subscribe, "Expires", "300");
    return client.call(subscribe);
  }

  /** A service (tuple) and a person in a sphere, with an activity and a note. */
  static byte[] serviceAndPerson(String entity, String sphere) {
    return ("<?xml version='1.0' encoding='UTF-8'?>"
        + "<presence xmlns='urn:ietf:params:xml:ns:pidf' xmlns:dm='urn:ietf:params:xml:ns:pidf:data-model'"
        + " xmlns:rpid='urn:ietf:params:xml:ns:pidf:rpid' entity='" + entity + "'>"
        + "<tuple id='phone'><status><basic>open</basic></status><contact>" + entity + "</contact></tuple>"
        + "<dm:person id='me'><rpid:activities><rpid:meeting/></rpid:activities>"
        + "<rpid:sphere>" + sphere + "</rpid:sphere><dm:note>in the lab</dm:note></dm:person>"
        + "</presence>").getBytes(StandardCharsets.UTF_8);
  }

  /** Allows {@code watcher}, granting the given transformations. */
  static String allow(String ruleId, String watcher, String transformations) {
    return "<cr:rule id='" + ruleId + "'><cr:conditions><cr:identity><cr:one id='" + watcher + "'/></cr:identity>"
        + "</cr:conditions><cr:actions><pr:sub-handling>allow</pr:sub-handling></cr:actions>"
        + "<cr:transformations>" + transformations + "</cr:transformations></cr:rule>";
  }

  static final String SERVICES_ONLY = "<pr:provide-services><pr:all-services/></pr:provide-services>";
  static final String PERSONS_WITH_ACTIVITIES = "<pr:provide-persons><pr:all-persons/></pr:provide-persons>"
      + "<pr:provide-activities>true</pr:provide-activities>";

  @Test
  void aWatcherAllowedServicesButNotPersonsGetsNoPerson() throws Exception {
    String alice = TestAors.unique("alice");
    String bob = TestAors.unique("bob");
    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      assertThat(xcap.putRules(alice, PresRulesDocs.ruleset(allow("bob", bob, SERVICES_ONLY))).statusCode())
          .isEqualTo(201);
      assertThat(new Publisher(client).publish(alice, 600, null, serviceAndPerson(alice, "work")).getStatusCode())
          .isEqualTo(200);

      assertThat(subscribe(client, bob, alice).getStatusCode()).isEqualTo(200);
      String body = Notifies.body(Notifies.next(client));
      assertThat(body).contains("<basic>open</basic>").contains("tuple id=\"phone\"")
          .doesNotContain("person").doesNotContain("meeting").doesNotContain("in the lab");
    }
  }

  @Test
  void twoWatchersWithDifferentRulesGetDifferentDocumentsOfOnePublication() throws Exception {
    String alice = TestAors.unique("alice");
    String bob = TestAors.unique("bob");
    String carol = TestAors.unique("carol");
    try (SipTestClient bobs = new SipTestClient("udp", SERVER.sipPort());
        SipTestClient carols = new SipTestClient("tcp", SERVER.sipPort())) {
      xcap.putRules(alice, PresRulesDocs.ruleset(allow("bob", bob, SERVICES_ONLY)
          + allow("carol", carol, PERSONS_WITH_ACTIVITIES)));
      subscribe(bobs, bob, alice);
      subscribe(carols, carol, alice);
      Notifies.next(bobs);
      Notifies.next(carols);

      assertThat(new Publisher(bobs).publish(alice, 600, null, serviceAndPerson(alice, "work")).getStatusCode())
          .isEqualTo(200);

      String toBob = Notifies.body(Notifies.next(bobs));
      String toCarol = Notifies.body(Notifies.next(carols));
      assertThat(toBob).contains("<basic>open</basic>").doesNotContain("person");
      assertThat(toCarol).contains("person").contains("meeting").doesNotContain("tuple")
          .doesNotContain("in the lab").doesNotContain("sphere");
    }
  }

  @Test
  void aNewSphereMovesTheWatcherBetweenPendingAndActive() throws Exception {
    String alice = TestAors.unique("alice");
    String bob = TestAors.unique("bob");
    String atWork = "<cr:rule id='work'><cr:conditions><cr:identity><cr:one id='" + bob + "'/></cr:identity>"
        + "<cr:sphere value='work'/></cr:conditions><cr:actions><pr:sub-handling>allow</pr:sub-handling>"
        + "</cr:actions></cr:rule>";
    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      Publisher publisher = new Publisher(client);
      xcap.putRules(alice, PresRulesDocs.ruleset(atWork));
      Response published = publisher.publish(alice, 600, null, serviceAndPerson(alice, "home"));
      assertThat(published.getStatusCode()).isEqualTo(200);

      subscribe(client, bob, alice);
      assertThat(Notifies.state(Notifies.next(client))).startsWith("pending");

      // Only a new sphere moves bob: an RFC 5025 section 3.1.1 re-evaluation, no re-SUBSCRIBE.
      Response atWorkNow = publisher.publish(alice, 600, Publisher.etag(published), serviceAndPerson(alice, "work"));
      assertThat(atWorkNow.getStatusCode()).isEqualTo(200);
      Request active = Notifies.next(client);
      assertThat(Notifies.state(active)).startsWith("active");
      assertThat(Notifies.body(active)).contains("<basic>open</basic>").contains("meeting");

      publisher.publish(alice, 600, Publisher.etag(atWorkNow), serviceAndPerson(alice, "home"));
      // Back home: the rule no longer applies; an active subscription never goes back to pending.
      assertThat(Notifies.state(Notifies.next(client))).isEqualTo("terminated;reason=deactivated");
    }
  }
}
