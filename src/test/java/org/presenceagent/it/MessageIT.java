package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** MESSAGE (RFC 3428) to a local user: delivered to the registered phone, 404/480 otherwise. */
class MessageIT {

  @RegisterExtension
  static final PresenceServerExtension SERVER = new PresenceServerExtension()
      .param("auth", "none")
      .param("xcap_open", "1");

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void aMessageReachesTheRegisteredPhoneAndItsAnswerReachesTheSender(String transport) throws Exception {
    try (SipTestClient bobsPhone = new SipTestClient(transport, SERVER.sipPort());
        SipTestClient alice = new SipTestClient(transport, SERVER.sipPort())) {
      String bob = TestAors.unique("bob");
      new Registrar(bobsPhone, bob).register(300, "<" + bobsPhone.contactUri() + ">");

      Request message = alice.newRequest(Request.MESSAGE, TestAors.unique("alice"), bob, 1);
      alice.setBody(message, "text/plain", "Lunch at noon?".getBytes(StandardCharsets.UTF_8));
      Response answer = alice.call(message);

      assertThat(answer.getStatusCode()).isEqualTo(200);
      Request delivered = bobsPhone.awaitRequest(Request.MESSAGE, 5000);
      assertThat(delivered).isNotNull();
      assertThat(new String(delivered.getRawContent(), StandardCharsets.UTF_8)).isEqualTo("Lunch at noon?");
      assertThat(SipTestHeaders.get(delivered, "Content-Type")).isEqualTo("text/plain");
    }
  }

  /** The seed's authorize_message(): Bob's im-rules, PUT to the built-in XCAP server, block Alice. */
  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void imRulesBlockTheSenderUntilTheRuleIsRemoved(String transport) throws Exception {
    try (SipTestClient bobsPhone = new SipTestClient(transport, SERVER.sipPort());
        SipTestClient alicesPhone = new SipTestClient(transport, SERVER.sipPort())) {
      String bob = TestAors.unique("bob");
      String alice = TestAors.unique("alice");
      new Registrar(bobsPhone, bob).register(300, "<" + bobsPhone.contactUri() + ">");
      XcapHttp xcap = new XcapHttp(SERVER.httpPort());
      String rules = "im-rules/users/" + bob + "/im-rules.xml";
      byte[] blockAlice = ("<ruleset xmlns=\"urn:ietf:params:xml:ns:common-policy\""
          + " xmlns:im=\"urn:iptel:xml:ns:im-rules\"><rule id=\"blacklist\"><conditions><identity>"
          + "<one id=\"" + alice + "\"/></identity></conditions><actions><im:im-handling>block</im:im-handling>"
          + "</actions><transformations/></rule></ruleset>").getBytes(StandardCharsets.UTF_8);
      assertThat(xcap.put(rules, "application/auth-policy+xml", blockAlice).statusCode()).isEqualTo(201);

      assertThat(alicesPhone.call(message(alicesPhone, alice, bob)).getStatusCode()).isEqualTo(403);
      assertThat(alicesPhone.call(message(alicesPhone, TestAors.unique("carol"), bob)).getStatusCode())
          .as("others are not blocked").isEqualTo(200);

      assertThat(xcap.delete(rules).statusCode()).isEqualTo(200);
      assertThat(alicesPhone.call(message(alicesPhone, alice, bob)).getStatusCode()).isEqualTo(200);
    }
  }

  private static Request message(SipTestClient client, String from, String to) throws Exception {
    Request message = client.newRequest(Request.MESSAGE, from, to, 1);
    client.setBody(message, "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
    return message;
  }

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void anUnknownUserGets404AndAKnownOfflineUser480(String transport) throws Exception {
    try (SipTestClient alice = new SipTestClient(transport, SERVER.sipPort())) {
      Request toNobody = alice.newRequest(Request.MESSAGE, TestAors.unique("alice"), TestAors.unique("nobody"), 1);
      alice.setBody(toNobody, "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
      assertThat(alice.call(toNobody).getStatusCode()).isEqualTo(404);

      String carol = TestAors.unique("carol");
      new Publisher(alice).publish(carol, 600, null, Pidf.open(carol, "t", "away"));
      Request toCarol = alice.newRequest(Request.MESSAGE, TestAors.unique("alice"), carol, 1);
      alice.setBody(toCarol, "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
      assertThat(alice.call(toCarol).getStatusCode()).isEqualTo(480);
    }
  }
}
