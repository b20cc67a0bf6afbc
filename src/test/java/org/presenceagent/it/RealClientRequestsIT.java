package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests as real clients send them, captured on the wire from Debian's baresip 1.0.0 and
 * linphone 5.1 (linphonec), which {@code src/test/interop} also runs for real: what used to be
 * refused or is easy to break.
 */
class RealClientRequestsIT {

  @RegisterExtension
  static final PresenceServerExtension SERVER = new PresenceServerExtension().param("auth", "none");

  private static final Pattern REPAIRED_UNKNOWN_BASIC =
      Pattern.compile("presence_pidf_repairs_total\\{deviation=\"basic-unknown\",?\\} ([0-9.]+)");

  // baresip publishes <basic>unknown</basic> when its first PUBLISH goes out before its REGISTER
  // is answered; it used to get 400 and show the user an error.
  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void baresipsUnknownBasicIsAcceptedAndWatchersGetTheTupleWithoutIt(String transport) throws Exception {
    try (SipTestClient watcher = new SipTestClient(transport, SERVER.sipPort());
        SipTestClient baresip = new SipTestClient(transport, SERVER.sipPort())) {
      String mia = TestAors.unique("mia");
      SubscriptionDialog.subscribe(watcher, TestAors.unique("watcher"), mia, 300);
      assertThat(Notifies.body(Notifies.next(watcher))).contains("<basic>closed</basic>");
      double repairedBefore = repairedUnknownBasics();

      Response ok = new Publisher(baresip).publish(mia, 600, null, baresipFirstPublish(mia));

      assertThat(ok.getStatusCode()).isEqualTo(200);
      String seen = Notifies.body(Notifies.next(watcher));
      assertThat(seen).contains("t4109").contains("<contact>" + mia + "</contact>")
          .doesNotContain("unknown").doesNotContain("<basic>");
      assertThat(repairedUnknownBasics()).isEqualTo(repairedBefore + 1);
    }
  }

  // RFC 3261 section 18.3 lets a UDP message leave out Content-Length; linphone 5.1 does so in
  // its un-PUBLISH (Kamailio 5.6 answers it 400).
  @Test
  void linphonesUnPublishWithoutContentLengthOverUdpRemovesThePublication() throws Exception {
    try (SipTestClient watcher = new SipTestClient("udp", SERVER.sipPort());
        SipTestClient linphone = new SipTestClient("udp", SERVER.sipPort())) {
      String olga = TestAors.unique("olga");
      String etag = Publisher.etag(new Publisher(linphone).publish(olga, 600, null, Pidf.open(olga, "m8nd13", "online")));
      SubscriptionDialog.subscribe(watcher, TestAors.unique("watcher"), olga, 300);
      assertThat(Notifies.body(Notifies.next(watcher))).contains("<basic>open</basic>");

      String answer = RawSip.exchange(SERVER.sipPort(), linphoneUnPublish(olga, etag));

      assertThat(answer).isEqualTo("SIP/2.0 200 OK");
      assertThat(Notifies.body(Notifies.next(watcher))).contains("<basic>closed</basic>").doesNotContain("m8nd13");
    }
  }

  /** The captured body, published for {@code aor} instead of the capture's user. */
  private static byte[] baresipFirstPublish(String aor) throws IOException {
    try (InputStream in = RealClientRequestsIT.class.getResourceAsStream("/documents/pidf/repair/baresip-1.0.0-unknown.xml")) {
      String captured = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return captured.replace("sip:mia@example.com", aor).getBytes(StandardCharsets.UTF_8);
    }
  }

  /** linphone 5.1's un-PUBLISH over UDP as captured, header for header: no Content-Length, no body. */
  private String linphoneUnPublish(String aor, String etag) {
    return String.join("\r\n",
        "PUBLISH " + aor + " SIP/2.0",
        "Via: SIP/2.0/UDP 127.0.0.1:LOCALPORT;branch=z9hG4bK.mSysn57y4" + System.nanoTime() + ";rport",
        "From: <" + aor + ">;tag=URX8SKpIv",
        "To: " + aor,
        "CSeq: 21 PUBLISH",
        "Call-ID: XkP1euaE~3" + System.nanoTime(),
        "Max-Forwards: 70",
        "Route: <sip:127.0.0.1:" + SERVER.sipPort() + ";transport=udp;lr>",
        "Supported: replaces, outbound, gruu",
        "Event: presence",
        "Expires: 0",
        "User-Agent: Linphonec/5.1.65",
        "SIP-If-Match: " + etag,
        "",
        "");
  }

  private static double repairedUnknownBasics() throws Exception {
    Matcher sample = REPAIRED_UNKNOWN_BASIC.matcher(MetricsIT.scrape(SERVER, null).body());
    return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
  }
}
