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
  static final PresenceServerExtension SERVER = new PresenceServerExtension().param("auth", "none");

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
