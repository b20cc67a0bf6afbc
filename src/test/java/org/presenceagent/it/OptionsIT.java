package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OPTIONS as a liveness probe (RFC 3261 section 11) and 405 for methods we do not serve. */
class OptionsIT {

  @RegisterExtension
  static final PresenceServerExtension SERVER = new PresenceServerExtension();

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void optionsIsAnswered200WithOurCapabilities(String transport) throws Exception {
    try (SipTestClient client = new SipTestClient(transport, SERVER.sipPort())) {
      Response ok = client.call(client.newRequest(Request.OPTIONS, "sip:probe@example.com", "sip:pa@example.com", 1));

      assertThat(ok.getStatusCode()).isEqualTo(200);
      assertThat(SipTestHeaders.get(ok, "Allow")).contains("SUBSCRIBE").contains("PUBLISH");
      assertThat(SipTestHeaders.get(ok, "Allow-Events")).isEqualTo("presence, presence.winfo");
      assertThat(SipTestHeaders.get(ok, "Accept")).contains("application/pidf+xml").contains("application/cpim-pidf+xml");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void anUnservedMethodGets405WithAllow(String transport) throws Exception {
    try (SipTestClient client = new SipTestClient(transport, SERVER.sipPort())) {
      Response response = client.call(client.newRequest(Request.REFER, "sip:a@example.com", "sip:b@example.com", 1));

      assertThat(response.getStatusCode()).isEqualTo(405);
      assertThat(SipTestHeaders.get(response, "Allow")).contains("SUBSCRIBE");
    }
  }
}
