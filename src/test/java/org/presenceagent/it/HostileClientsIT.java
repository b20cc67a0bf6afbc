package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a hostile or careless client can make the server do, over real SIP and HTTP (issue 15): each
 * hostile request gets its 4xx, nothing of it is kept, and a well-behaved watcher of another
 * presentity is still served afterwards.
 */
class HostileClientsIT {

  private static final int MAX_CONTACTS = 3;
  private static final int MAX_PUBLICATIONS = 2;

  @RegisterExtension
  static final PresenceServerExtension SERVER = new PresenceServerExtension()
      .param("auth", "none")
      .param("xcap_open", "1")
      .param("max_contacts", Integer.toString(MAX_CONTACTS))
      .param("max_publications", Integer.toString(MAX_PUBLICATIONS))
      .param("max_composed_size", "8192");

  /** RFC 3261 section 16.7 step 5: the live phone's 200 goes back at once, not after the dead branch's 32 s. */
  @Test
  void aMessageIsAnsweredAtOnceWhenAnotherPhoneOfTheUserIsDead() throws Exception {
    try (SipTestClient livePhone = new SipTestClient("udp", SERVER.sipPort());
        SipTestClient alice = new SipTestClient("udp", SERVER.sipPort());
        DatagramSocket deadPhone = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      String bob = TestAors.unique("bob");
      Response registered = new Registrar(livePhone, bob).register(300,
          "<sip:bob@127.0.0.1:" + deadPhone.getLocalPort() + ">;q=1.0", "<" + livePhone.contactUri() + ">;q=0.5");
      assertThat(registered.getStatusCode()).isEqualTo(200);

      Request message = alice.newRequest(Request.MESSAGE, TestAors.unique("alice"), bob, 1);
      alice.setBody(message, "text/plain", "are you there?".getBytes(StandardCharsets.UTF_8));
      long started = System.nanoTime();
      Response answer = alice.call(message);
      long millis = (System.nanoTime() - started) / 1_000_000;

      assertThat(answer.getStatusCode()).isEqualTo(200);
      assertThat(millis).as("answered while the dead branch is still open").isLessThan(5000);
      Request delivered = livePhone.awaitRequest(Request.MESSAGE, 5000);
      assertThat(new String(delivered.getRawContent(), StandardCharsets.UTF_8)).isEqualTo("are you there?");
      // the dead phone got its branch too (it just never answers)
      deadPhone.setSoTimeout(5000);
      DatagramPacket packet = new DatagramPacket(new byte[65536], 65536);
      deadPhone.receive(packet);
      String branch = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
      assertThat(branch).startsWith("MESSAGE sip:bob@127.0.0.1:" + deadPhone.getLocalPort());
      assertThat(branch).containsIgnoringCase("Max-Breadth: 30"); // RFC 5393: 60 shared by two branches
    }
    assertOthersAreServed();
  }

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void moreContactsThanMaxContactsAreRefusedWholeAndKeepNothing(String transport) throws Exception {
    try (SipTestClient phone = new SipTestClient(transport, SERVER.sipPort())) {
      Registrar registrar = new Registrar(phone, TestAors.unique("many"));
      Response tooMany = registrar.register(300, contacts(MAX_CONTACTS + 1));
      assertThat(tooMany.getStatusCode()).isEqualTo(403);
      assertThat(tooMany.getReasonPhrase()).contains("Too Many Contacts");
      assertThat(Registrar.contacts(registrar.register(null))).as("nothing bound").isEmpty();

      assertThat(registrar.register(300, contacts(MAX_CONTACTS)).getStatusCode()).isEqualTo(200);
      Response oneMore = registrar.register(300, "<sip:extra@127.0.0.1:6999>");
      assertThat(oneMore.getStatusCode()).isEqualTo(403);
      assertThat(Registrar.contacts(registrar.register(null)).split(",")).hasSize(MAX_CONTACTS);
      // refreshing the bindings it has is still fine
      assertThat(registrar.register(300, contacts(MAX_CONTACTS)).getStatusCode()).isEqualTo(200);
    }
    assertOthersAreServed();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sip:svc@10.0.0.1:8080", "sip:svc@192.168.1.10", "sip:svc@[::1]:5070",
      "sip:svc@169.254.169.254", "sip:svc@0.0.0.0:5060"})
  void contactsAtInternalAddressesAreRefusedAndNothingOfTheRequestIsKept(String internal) throws Exception {
    try (SipTestClient phone = new SipTestClient("udp", SERVER.sipPort())) {
      Registrar registrar = new Registrar(phone, TestAors.unique("ssrf"));
      Response refused = registrar.register(300, "<sip:ok@127.0.0.1:6998>", "<" + internal + ">");
      assertThat(refused.getStatusCode()).isEqualTo(403);
      assertThat(refused.getReasonPhrase()).contains("internal address");
      assertThat(Registrar.contacts(registrar.register(null))).as("the good contact was not kept either").isEmpty();
      // a contact at the client's own (loopback) address is fine
      assertThat(registrar.register(300, "<sip:ok@127.0.0.1:6998>").getStatusCode()).isEqualTo(200);
    }
  }

  @Test
  void aContactThatIsNoSipUriGets416AndNothingIsBound() throws Exception {
    try (SipTestClient phone = new SipTestClient("udp", SERVER.sipPort())) {
      Registrar registrar = new Registrar(phone, TestAors.unique("tel"));
      assertThat(registrar.register(300, "<sip:ok@127.0.0.1:6995>", "<tel:+15551234567>;expires=60").getStatusCode())
          .isEqualTo(416);
      assertThat(Registrar.contacts(registrar.register(null))).isEmpty();
    }
  }

  /**
   * A binding to this server itself would make every MESSAGE loop: the registrar refuses it (403,
   * issue 14), so a MESSAGE finds no contact; the fork's own loop check (482) stays for bindings
   * stored before that rule.
   */
  @Test
  void aContactThatIsThisServerIsRefusedAndNeverForkedTo() throws Exception {
    try (SipTestClient phone = new SipTestClient("udp", SERVER.sipPort())) {
      String carol = TestAors.unique("carol");
      Registrar registrar = new Registrar(phone, carol);
      assertThat(registrar.register(300, "<sip:carol@127.0.0.1:" + SERVER.sipPort() + ">").getStatusCode())
          .isEqualTo(403);
      assertThat(Registrar.contacts(registrar.register(null))).isEmpty();
      Request message = phone.newRequest(Request.MESSAGE, TestAors.unique("alice"), carol, 1);
      phone.setBody(message, "text/plain", "loop".getBytes(StandardCharsets.UTF_8));
      assertThat(phone.call(message).getStatusCode()).isNotEqualTo(200).isBetween(400, 499);
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({"Max-Breadth, 0, 440", "Max-Forwards, 0, 483", "Max-Breadth, many, 400"})
  void forkingLimitsOfTheRequestAreHonoured(String header, String value, int status) throws Exception {
    try (SipTestClient bobsPhone = new SipTestClient("udp", SERVER.sipPort());
        SipTestClient alice = new SipTestClient("udp", SERVER.sipPort())) {
      String bob = TestAors.unique("bob");
      new Registrar(bobsPhone, bob).register(300, "<" + bobsPhone.contactUri() + ">");
      Request message = alice.newRequest(Request.MESSAGE, TestAors.unique("alice"), bob, 1);
      alice.setBody(message, "text/plain", "hi".getBytes(StandardCharsets.UTF_8));
      SipTestHeaders.set(message, header, value);
      assertThat(alice.call(message).getStatusCode()).isEqualTo(status);
      assertThat(bobsPhone.awaitRequest(Request.MESSAGE, 500)).as("nothing forwarded").isNull();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "Call-ID|600|Call-ID too long",
    "Contact|1100|Contact too long",
    "Event|200|Event id too long",
    "Record-Route|4000|Record-Route too long",
  })
  void fieldsLongerThanTheirColumnsGet400BeforeAnyWork(String header, int length, String reason) throws Exception {
    String value = switch (header) {
      case "Call-ID" -> "c".repeat(length) + "@test";
      case "Contact" -> "<sip:" + "w".repeat(length) + "@127.0.0.1:LOCALPORT>";
      case "Event" -> "presence;id=" + "i".repeat(length);
      default -> "<sip:" + "r".repeat(length) + "@127.0.0.1;lr>";
    };
    String answer = RawSip.exchange(SERVER.sipPort(), RawSip.subscribe(header, value));
    assertThat(answer).isEqualTo("SIP/2.0 400 " + reason + " (limit " + limitOf(header) + " characters)");
    assertOthersAreServed();
  }

  private static int limitOf(String header) {
    return switch (header) {
      case "Call-ID" -> 256;
      case "Contact" -> 1024;
      case "Event" -> 128;
      default -> 3800;
    };
  }

  /**
   * The container cannot make a transaction for a SUBSCRIBE without Contact, nor route a request
   * whose From URI it cannot read back: it answered 500 to both.
   */
  @Test
  void aSubscribeWithoutContactOrWithAnUnreadableFromGets400() throws Exception {
    String request = RawSip.subscribe("Contact", "x").replace("Contact: x\r\n", "");
    assertThat(RawSip.exchange(SERVER.sipPort(), request)).isEqualTo("SIP/2.0 400 Missing Contact header");
    assertThat(RawSip.exchange(SERVER.sipPort(), RawSip.subscribe("From", "<*ip:watcher@example.com>;tag=raw1")))
        .as("a From URI the container cannot read back").isEqualTo("SIP/2.0 400 Invalid From header");
    assertThat(RawSip.exchange(SERVER.sipPort(), RawSip.subscribe("Contact", "<s(p:watcher@127.0.0.1:LOCALPORT>")))
        .as("a Contact URI the container cannot read back").isEqualTo("SIP/2.0 400 Invalid Contact header");
    String otherTransport = RawSip.subscribe("Contact", "<sip:watcher@127.0.0.1:LOCALPORT>")
        .replace("Via: SIP/2.0/UDP", "Via: SIP/2.0/XYZ");
    // refused before the container (which failed with a 500 looking for a listening point of that
    // transport); the 400 goes back per the Via, which names no transport we have: often nothing arrives
    String answer = RawSip.exchange(SERVER.sipPort(), otherTransport);
    assertThat(answer == null || answer.equals("SIP/2.0 400 Invalid Via header (transport)"))
        .as("a Via transport it was not sent over, answered %s", answer).isTrue();
    String noMaxForwards = RawSip.subscribe("Max-Forwards", "x").replace("Max-Forwards: x\r\n", "");
    assertThat(RawSip.exchange(SERVER.sipPort(), noMaxForwards)).as("as the container, tolerant of a missing Max-Forwards")
        .startsWith("SIP/2.0 200");
  }

  @Test
  void anOverLongUserPartGets400() throws Exception {
    try (SipTestClient watcher = new SipTestClient("tcp", SERVER.sipPort())) {
      Request subscribe = SubscriptionDialog.initialRequest(watcher, TestAors.unique("w"),
          "sip:" + "u".repeat(200) + "@example.com", 60, java.util.List.of());
      Response answer = watcher.call(subscribe);
      assertThat(answer.getStatusCode()).isEqualTo(400);
      assertThat(answer.getReasonPhrase()).isEqualTo("Request-URI user part too long (limit 128 characters)");
    }
  }

  @Test
  void aRegisterWithOneGoodAndOneOverLongContactKeepsNeither() throws Exception {
    try (SipTestClient phone = new SipTestClient("udp", SERVER.sipPort())) {
      Registrar registrar = new Registrar(phone, TestAors.unique("half"));
      Response refused = registrar.register(300, "<sip:good@127.0.0.1:6997>",
          "<sip:" + "x".repeat(1100) + "@127.0.0.1:6996>");
      assertThat(refused.getStatusCode()).isEqualTo(400);
      assertThat(Registrar.contacts(registrar.register(null))).isEmpty();
    }
  }

  @Test
  void deeplyNestedXmlIsRefusedAndThePresentityStaysHealthy() throws Exception {
    try (SipTestClient watcher = new SipTestClient("udp", SERVER.sipPort());
        SipTestClient mallory = new SipTestClient("tcp", SERVER.sipPort())) {
      String victim = TestAors.unique("deep");
      SubscriptionDialog.subscribe(watcher, TestAors.unique("watcher"), victim, 300);
      Notifies.next(watcher);
      int levels = 5000;
      String deep = "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"" + victim + "\">"
          + "<tuple id=\"t\"><status><basic>open</basic></status><x xmlns=\"urn:example:deep\">"
          + "<x>".repeat(levels) + "</x>".repeat(levels) + "</x></tuple></presence>";

      Response refused = new Publisher(mallory).publish(victim, 60, null, deep.getBytes(StandardCharsets.UTF_8));

      assertThat(refused.getStatusCode()).isEqualTo(400);
      assertThat(refused.getReasonPhrase()).isEqualTo("Invalid XML: elements nested deeper than 32 levels");
      assertThat(new Publisher(mallory).publish(victim, 60, null, Pidf.open(victim, "t", "fine")).getStatusCode())
          .isEqualTo(200);
      assertThat(Notifies.body(Notifies.next(watcher))).contains("fine");
    }
  }

  @Test
  void publicationsBeyondTheLimitAreRefusedAndWatchersKeepTheirDocument() throws Exception {
    try (SipTestClient watcher = new SipTestClient("udp", SERVER.sipPort());
        SipTestClient devices = new SipTestClient("tcp", SERVER.sipPort())) {
      String user = TestAors.unique("busy");
      SubscriptionDialog.subscribe(watcher, TestAors.unique("watcher"), user, 300);
      Notifies.next(watcher);
      for (int i = 0; i < MAX_PUBLICATIONS; i++) {
        assertThat(new Publisher(devices).publish(user, 60, null, Pidf.open(user, "d" + i, "device " + i))
            .getStatusCode()).isEqualTo(200);
        Notifies.next(watcher);
      }

      Response refused = new Publisher(devices).publish(user, 60, null, Pidf.open(user, "dx", "one too many"));

      assertThat(refused.getStatusCode()).isEqualTo(403);
      assertThat(refused.getReasonPhrase()).contains("Too Many Publications");
      assertThat(watcher.awaitRequest(Request.NOTIFY, 500)).as("no change, no NOTIFY").isNull();
    }
    assertOthersAreServed();
  }

  @Test
  void aComposedDocumentOverTheLimitIsRefused() throws Exception {
    try (SipTestClient devices = new SipTestClient("tcp", SERVER.sipPort())) {
      String user = TestAors.unique("large");
      String note = "n".repeat(5000);
      assertThat(new Publisher(devices).publish(user, 60, null, Pidf.open(user, "a", note)).getStatusCode())
          .isEqualTo(200);

      Response refused = new Publisher(devices).publish(user, 60, null, Pidf.open(user, "b", note));

      assertThat(refused.getStatusCode()).isEqualTo(413);
      assertThat(refused.getReasonPhrase()).contains("8192");
    }
  }

  /**
   * Methods the application is not routed are answered at the door (405 or 501), not proxied by the
   * container to whatever host the Request-URI names (which answered 500 for an unknown host).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"FOO, 501", "BYE, 405", "NOTIFY, 405", "INFO, 405"})
  void requestsForNoApplicationAreRefusedNotRelayed(String method, int status) throws Exception {
    try (DatagramSocket elsewhere = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      String request = RawSip.subscribe("Event", "presence")
          .replace("SUBSCRIBE sip:raw@example.com", method + " sip:victim@127.0.0.1:" + elsewhere.getLocalPort())
          .replace("CSeq: 1 SUBSCRIBE", "CSeq: 1 " + method);
      assertThat(RawSip.exchange(SERVER.sipPort(), request)).startsWith("SIP/2.0 " + status);
      elsewhere.setSoTimeout(500);
      DatagramPacket packet = new DatagramPacket(new byte[4096], 4096);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> elsewhere.receive(packet))
          .as("nothing relayed").isInstanceOf(java.net.SocketTimeoutException.class);
    }
  }

  /** Unknown methods, SIP or HTTP, are counted under one tag: a client cannot create a series per request. */
  @Test
  void madeUpMethodsDoNotCreateMetricSeries() throws Exception {
    for (int i = 0; i < 20; i++) {
      String request = RawSip.subscribe("Event", "presence").replace("SUBSCRIBE sip:raw", "FOO" + i + " sip:raw")
          .replace("CSeq: 1 SUBSCRIBE", "CSeq: 1 FOO" + i);
      assertThat(RawSip.exchange(SERVER.sipPort(), request)).startsWith("SIP/2.0 501");
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    for (int i = 0; i < 20; i++) {
      http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SERVER.httpPort() + "/xcap-root/x"))
          .method("BAR" + i, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    }
    String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SERVER.httpPort() + "/metrics"))
        .build(), HttpResponse.BodyHandlers.ofString()).body();
    assertThat(metrics).doesNotContain("FOO").doesNotContain("BAR")
        .containsPattern("presence_xcap_server_requests_total\\{class=\"[45]xx\",method=\"other\"\\} 20\\.0");
  }

  private static String[] contacts(int count) {
    String[] contacts = new String[count];
    for (int i = 0; i < count; i++) {
      contacts[i] = "<sip:c" + i + "@127.0.0.1:" + (6000 + i) + ">";
    }
    return contacts;
  }

  /** A well-behaved watcher of another presentity still gets its NOTIFYs. */
  private static void assertOthersAreServed() throws Exception {
    try (SipTestClient watcher = new SipTestClient("udp", SERVER.sipPort());
        SipTestClient publisher = new SipTestClient("udp", SERVER.sipPort())) {
      String friend = TestAors.unique("friend");
      SubscriptionDialog.subscribe(watcher, TestAors.unique("watcher"), friend, 300);
      Notifies.next(watcher);
      assertThat(new Publisher(publisher).publish(friend, 60, null, Pidf.open(friend, "t", "well")).getStatusCode())
          .isEqualTo(200);
      assertThat(Notifies.body(Notifies.next(watcher))).contains("well");
    }
  }
}
