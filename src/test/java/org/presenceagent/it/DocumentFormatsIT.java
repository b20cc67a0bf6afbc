package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xmlunit.assertj3.XmlAssert;

/**
 * Each watcher gets the format its Accept headers ask for (RFC 6665 section 4.2.1.1, RFC 3261
 * section 20.1), over real sockets, UDP and TCP: PIDF, CPIM-PIDF, XPIDF and LPIDF from one
 * publication; 406 for nothing we produce; CPIM-PIDF accepted in PUBLISH; composition of devices.
 */
class DocumentFormatsIT {

  private static final String PIDF = "application/pidf+xml";
  private static final String CPIM = "application/cpim-pidf+xml";
  private static final String XPIDF = "application/xpidf+xml";
  private static final String LPIDF = "application/lpidf+xml";

  @RegisterExtension
  static final PresenceServerExtension SERVER = new PresenceServerExtension()
      .param("auth", "none")
      .param("min_expires", "1");

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void onePublishIsSeenByFourWatchersEachInItsFormat(String transport) throws Exception {
    try (SipTestClient messenger = new SipTestClient(transport, SERVER.sipPort());
        SipTestClient oldSimple = new SipTestClient(transport, SERVER.sipPort());
        SipTestClient oldPhone = new SipTestClient(transport, SERVER.sipPort());
        SipTestClient modern = new SipTestClient(transport, SERVER.sipPort());
        SipTestClient phone = new SipTestClient(transport, SERVER.sipPort())) {
      String alice = TestAors.unique("alice");
      // Windows Messenger lists XPIDF first; the tie with PIDF goes to its order.
      subscribe(messenger, alice, List.of("application/xpidf+xml, application/pidf+xml"), XPIDF);
      subscribe(oldSimple, alice, List.of(CPIM), CPIM);
      subscribe(oldPhone, alice, List.of("application/pidf+xml;q=0.2", "application/lpidf+xml"), LPIDF);
      subscribe(modern, alice, List.of(), PIDF);

      Response ok = new Publisher(phone).publish(alice, 600, null, awayOnPhone(alice));
      assertThat(ok.getStatusCode()).isEqualTo(200);

      String xpidf = body(messenger, XPIDF);
      XmlAssert.assertThat(xpidf)
          .valueByXPath("/presence/atom[@id='desk']/address/msnsubstatus/@substatus").isEqualTo("away");
      XmlAssert.assertThat(xpidf).valueByXPath("/presence/atom/address/status/@status").isEqualTo("inactive");
      XmlAssert.assertThat(body(oldSimple, CPIM))
          .withNamespaceContext(Map.of("c", "urn:ietf:params:xml:ns:cpim-pidf"))
          .valueByXPath("/c:presence/c:tuple[@id='desk']/c:status/c:basic").isEqualTo("open");
      assertThat(body(oldPhone, LPIDF)).isEqualTo(
          "To: <" + alice + ">\r\nContact: <sip:alice@desk.example.com>;q=1\r\n");
      XmlAssert.assertThat(body(modern, PIDF))
          .withNamespaceContext(Map.of("dm", "urn:ietf:params:xml:ns:pidf:data-model",
              "rpid", "urn:ietf:params:xml:ns:pidf:rpid"))
          .hasXPath("//dm:person/rpid:activities/rpid:away");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void anAcceptWeCannotSatisfyGets406WithOurAccept(String transport) throws Exception {
    try (SipTestClient client = new SipTestClient(transport, SERVER.sipPort())) {
      Request subscribe = SubscriptionDialog.initialRequest(
          client, TestAors.unique("watcher"), TestAors.unique("bob"), 60, List.of("text/plain"));

      Response response = client.call(subscribe);

      assertThat(response.getStatusCode()).isEqualTo(406);
      assertThat(SipTestHeaders.get(response, "Accept")).isEqualTo(String.join(", ", PIDF, CPIM, XPIDF, LPIDF));
      assertThat(client.awaitRequest(Request.NOTIFY, 300)).isNull();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void aCpimPidfPublicationReachesPidfAndXpidfWatchers(String transport) throws Exception {
    try (SipTestClient watcher = new SipTestClient(transport, SERVER.sipPort());
        SipTestClient messenger = new SipTestClient(transport, SERVER.sipPort());
        SipTestClient phone = new SipTestClient(transport, SERVER.sipPort())) {
      String carol = TestAors.unique("carol");
      subscribe(watcher, carol, List.of(), PIDF);
      subscribe(messenger, carol, List.of(XPIDF), XPIDF);

      Response ok = phone.call(new Publisher(phone).request(carol, 600, null, CPIM, cpimBusy(carol)));
      assertThat(ok.getStatusCode()).isEqualTo(200);

      XmlAssert.assertThat(body(watcher, PIDF))
          .withNamespaceContext(Map.of("p", "urn:ietf:params:xml:ns:pidf"))
          .valueByXPath("/p:presence/p:tuple[@id='cpim1']/p:note").isEqualTo("In a meeting");
      XmlAssert.assertThat(body(messenger, XPIDF))
          .valueByXPath("/presence/atom/address/msnsubstatus/@substatus").isEqualTo("busy");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void twoDevicesAreComposedAndRemovingOneRemovesItsAtom(String transport) throws Exception {
    try (SipTestClient messenger = new SipTestClient(transport, SERVER.sipPort());
        SipTestClient phone = new SipTestClient(transport, SERVER.sipPort());
        SipTestClient laptop = new SipTestClient(transport, SERVER.sipPort())) {
      String dave = TestAors.unique("dave");
      subscribe(messenger, dave, List.of(XPIDF), XPIDF);
      Publisher phonePublisher = new Publisher(phone);
      String phoneTag = Publisher.etag(phonePublisher.publish(dave, 600, null, Pidf.open(dave, "phone", "desk")));
      body(messenger, XPIDF);

      new Publisher(laptop).publish(dave, 600, null, Pidf.open(dave, "laptop", "travelling"));
      XmlAssert.assertThat(body(messenger, XPIDF)).nodesByXPath("/presence/atom").extractingAttribute("id")
          .containsExactlyInAnyOrder("phone", "laptop");

      assertThat(phonePublisher.publish(dave, 0, phoneTag, null).getStatusCode()).isEqualTo(200);
      XmlAssert.assertThat(body(messenger, XPIDF)).nodesByXPath("/presence/atom").extractingAttribute("id")
          .containsExactly("laptop");
    }
  }

  /** Subscribes, checks the first NOTIFY's type and consumes it. */
  private static void subscribe(SipTestClient client, String presentity, List<String> accept, String expectedType)
      throws Exception {
    SubscriptionDialog.subscribe(client, TestAors.unique("watcher"), presentity, 300, accept);
    body(client, expectedType);
  }

  /** The next NOTIFY's body, after checking its Content-Type. */
  private static String body(SipTestClient client, String expectedType) throws InterruptedException {
    Request notify = Notifies.next(client);
    assertThat(SipTestHeaders.get(notify, "Content-Type")).isEqualTo(expectedType);
    return Notifies.body(notify);
  }

  private static byte[] awayOnPhone(String entity) {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" xmlns:dm=\"urn:ietf:params:xml:ns:pidf:data-model\"\n"
        + "    xmlns:rpid=\"urn:ietf:params:xml:ns:pidf:rpid\" entity=\"" + entity + "\">\n"
        + "  <tuple id=\"desk\"><status><basic>open</basic></status>"
        + "<contact priority=\"0.8\">sip:alice@desk.example.com</contact></tuple>\n"
        + "  <dm:person id=\"me\"><rpid:activities><rpid:away/></rpid:activities></dm:person>\n"
        + "</presence>\n").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] cpimBusy(String entity) {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<presence xmlns=\"urn:ietf:params:xml:ns:cpim-pidf\" xmlns:im=\"urn:ietf:params:xml:ns:pidf:im\"\n"
        + "    entity=\"" + entity + "\">\n"
        + "  <tuple id=\"cpim1\"><status><basic>open</basic><im:im>busy</im:im></status>"
        + "<note>In a meeting</note></tuple>\n"
        + "</presence>\n").getBytes(StandardCharsets.UTF_8);
  }
}
