package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;

/**
 * presence.winfo over real SIP (RFC 3857, RFC 3858) together with pres-rules over real HTTP: the
 * presentity sees a watcher appear pending, approves it with a PUT, and sees it become active while
 * the watcher gets the real document without re-subscribing.
 */
class WatcherInfoIT {

  @RegisterExtension
  static final PresenceServerExtension SERVER = new PresenceServerExtension()
      .param("auth", "xcap")
      .param("xcap_open", "1");

  private static Response subscribe(SipTestClient client, String event, String watcher, String presentity) throws Exception {
    Request subscribe = client.newRequest(Request.SUBSCRIBE, watcher, presentity, 1);
    SipTestClient.setHeader(subscribe, "Event", event);
    SipTestClient.setHeader(subscribe, "Expires", "300");
    return client.call(subscribe);
  }

  private static String text(Request notify) {
    return new String(notify.getRawContent(), StandardCharsets.UTF_8);
  }

  @Test
  void thePresentityWatchesAWatcherGoFromPendingToActiveAfterAllowingIt() throws Exception {
    String alice = TestAors.unique("alice");
    String bob = TestAors.unique("bob");
    try (SipTestClient aliceClient = new SipTestClient("udp", SERVER.sipPort());
        SipTestClient bobClient = new SipTestClient("udp", SERVER.sipPort())) {
      new Publisher(aliceClient).publish(alice, 600, null, Pidf.open(alice, "desk", "at my desk"));

      assertThat(subscribe(aliceClient, "presence.winfo", alice, alice).getStatusCode()).isEqualTo(200);
      Request full = Notifies.next(aliceClient);
      assertThat(SipTestHeaders.get(full, "Event")).isEqualTo("presence.winfo");
      assertThat(SipTestHeaders.get(full, "Content-Type")).isEqualTo("application/watcherinfo+xml");
      assertThat(Notifies.state(full)).startsWith("active");
      assertThat(text(full)).contains("urn:ietf:params:xml:ns:watcherinfo").contains("version=\"0\"")
          .contains("state=\"full\"").contains("resource=\"" + alice + "\"").doesNotContain("<watcher ");

      assertThat(subscribe(bobClient, "presence", bob, alice).getStatusCode()).isEqualTo(200);
      assertThat(Notifies.state(Notifies.next(bobClient))).startsWith("pending");
      String appeared = text(Notifies.next(aliceClient));
      assertThat(appeared).contains("version=\"1\"").contains("state=\"partial\"").contains("status=\"pending\"")
          .contains("event=\"subscribe\"").contains(">" + bob + "</watcher>");

      new XcapHttp(SERVER.httpPort()).putRules(alice, PresRulesDocs.one(bob, "allow"));

      Request active = Notifies.next(bobClient);
      assertThat(Notifies.state(active)).startsWith("active");
      assertThat(Notifies.body(active)).contains("at my desk");
      String approved = text(Notifies.next(aliceClient));
      assertThat(approved).contains("version=\"2\"").contains("status=\"active\"").contains("event=\"approved\"")
          .contains(">" + bob + "</watcher>");
    }
  }

  /**
   * RFC 3857 section 3.4: a watcher removed because its NOTIFY failed (here its phone restarted and
   * answers 481) is reported {@code terminated} to the presentity, who would otherwise still believe
   * it is watched.
   */
  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void aWatcherDroppedAfterAFailedNotifyAppearsTerminated(String transport) throws Exception {
    String alice = TestAors.unique("alice");
    String bob = TestAors.unique("bob");
    try (SipTestClient aliceClient = new SipTestClient(transport, SERVER.sipPort());
        SipTestClient bobClient = new SipTestClient(transport, SERVER.sipPort())) {
      new XcapHttp(SERVER.httpPort()).putRules(alice, PresRulesDocs.one(bob, "allow"));
      assertThat(subscribe(aliceClient, "presence.winfo", alice, alice).getStatusCode()).isEqualTo(200);
      Notifies.next(aliceClient);
      assertThat(subscribe(bobClient, "presence", bob, alice).getStatusCode()).isEqualTo(200);
      Notifies.nextActiveOnceRulesAreRead(bobClient);
      String active = text(Notifies.next(aliceClient));
      if (active.contains("status=\"pending\"")) {
        active = text(Notifies.next(aliceClient)); // the rules were read after the SUBSCRIBE was answered
      }
      assertThat(active).contains("status=\"active\"").contains(">" + bob + "</watcher>");

      bobClient.answerNotifiesWith(request -> 481);
      new Publisher(aliceClient).publish(alice, 600, null, Pidf.open(alice, "desk", "at my desk"));
      Notifies.next(bobClient); // answered 481

      String dropped = text(Notifies.next(aliceClient));
      assertThat(dropped).contains("state=\"partial\"").contains("status=\"terminated\"")
          .contains("event=\"timeout\"").contains(">" + bob + "</watcher>");
      assertThat(subscribe(aliceClient, "presence.winfo", alice, alice).getStatusCode()).isEqualTo(200);
      assertThat(text(Notifies.next(aliceClient))).as("a new full document no longer lists him")
          .contains("state=\"full\"").doesNotContain(bob);
    }
  }

  @Test
  void theWatchersDisplayNameIsShownEscaped() throws Exception {
    String alice = TestAors.unique("alice");
    String bob = TestAors.unique("bob");
    String displayName = "Bob \"the <Builder>\" & Co";
    try (SipTestClient aliceClient = new SipTestClient("udp", SERVER.sipPort());
        SipTestClient bobClient = new SipTestClient("tcp", SERVER.sipPort())) {
      subscribe(aliceClient, "presence.winfo", alice, alice);
      Notifies.next(aliceClient);

      // A quoted-string with escaped quotes (RFC 3261 section 25.1) in the From header.
      subscribe(bobClient, "presence", "\"Bob \\\"the <Builder>\\\" & Co\" <" + bob + ">", alice);
      Notifies.next(bobClient);

      String winfo = text(Notifies.next(aliceClient));
      assertThat(winfo).contains("display-name=\"Bob &quot;the &lt;Builder&gt;&quot; &amp; Co\"");
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      Element watcher = (Element) factory.newDocumentBuilder()
          .parse(new ByteArrayInputStream(winfo.getBytes(StandardCharsets.UTF_8)))
          .getElementsByTagNameNS("*", "watcher").item(0);
      assertThat(watcher.getAttribute("display-name")).isEqualTo(displayName);
      assertThat(watcher.getTextContent()).isEqualTo(bob);
    }
  }

  @Test
  void othersMayNotWatchThePresentitysWatchers() throws Exception {
    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      Response refused = subscribe(client, "presence.winfo", TestAors.unique("eve"), TestAors.unique("alice"));

      assertThat(refused.getStatusCode()).isEqualTo(403);
      assertThat(client.awaitRequest(Request.NOTIFY, 300)).isNull();
    }
  }
}
