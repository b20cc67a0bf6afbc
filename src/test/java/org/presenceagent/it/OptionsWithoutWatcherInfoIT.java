package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code watcherinfo_notify=0}: OPTIONS advertises only the packages a SUBSCRIBE is accepted for
 * (RFC 6665 section 8.2.2), the same list a 489 names, because both come from the one registry of
 * event packages.
 */
class OptionsWithoutWatcherInfoIT {

  @RegisterExtension
  static final PresenceServerExtension SERVER = new PresenceServerExtension().param("watcherinfo_notify", "0");

  @Test
  void optionsAndA489NameTheSamePackages() throws Exception {
    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      Response ok = client.call(client.newRequest(Request.OPTIONS, "sip:probe@example.com", "sip:pa@example.com", 1));
      String alice = TestAors.unique("alice");
      Request winfo = client.newRequest(Request.SUBSCRIBE, alice, alice, 1);
      SipTestClient.setHeader(winfo, "Event", "presence.winfo");
      Response refused = client.call(winfo);

      assertThat(SipTestHeaders.get(ok, "Allow-Events")).isEqualTo("presence");
      assertThat(refused.getStatusCode()).isEqualTo(489);
      assertThat(SipTestHeaders.get(refused, "Allow-Events")).isEqualTo("presence");
    }
  }
}
