package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * MESSAGE authorization with an XCAP server configured (auth_xcap_root): im-rules are read over
 * real HTTP through the same cached XCAP client as pres-rules. The server here is its own XCAP
 * server, reached over HTTP like an external one.
 */
class ImRulesOverXcapIT {

  @RegisterExtension
  static final PresenceServerExtension SERVER = new PresenceServerExtension()
      .param("auth", "none")
      .param("xcap_open", "1")
      .param("auth_xcap_root", "http://127.0.0.1:{httpPort}/xcap-root");

  @Test
  void imRulesFromTheXcapServerBlockTheSender() throws Exception {
    try (SipTestClient bobsPhone = new SipTestClient("udp", SERVER.sipPort());
        SipTestClient sender = new SipTestClient("udp", SERVER.sipPort())) {
      String bob = TestAors.unique("bob");
      String alice = TestAors.unique("alice");
      new Registrar(bobsPhone, bob).register(300, "<" + bobsPhone.contactUri() + ">");
      byte[] blockAlice = ("<ruleset xmlns=\"urn:ietf:params:xml:ns:common-policy\""
          + " xmlns:im=\"urn:iptel:xml:ns:im-rules\"><rule id=\"blacklist\"><conditions><identity>"
          + "<one id=\"" + alice + "\"/></identity></conditions><actions><im:im-handling>block</im:im-handling>"
          + "</actions><transformations/></rule></ruleset>").getBytes(StandardCharsets.UTF_8);
      assertThat(new XcapHttp(SERVER.httpPort())
          .put("im-rules/users/" + bob + "/im-rules.xml", "application/auth-policy+xml", blockAlice).statusCode())
          .isEqualTo(201);

      assertThat(sender.call(message(sender, alice, bob)).getStatusCode()).isEqualTo(403);
      assertThat(sender.call(message(sender, TestAors.unique("carol"), bob)).getStatusCode()).isEqualTo(200);
    }
  }

  private static Request message(SipTestClient client, String from, String to) throws Exception {
    Request message = client.newRequest(Request.MESSAGE, from, to, 1);
    client.setBody(message, "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
    return message;
  }
}
