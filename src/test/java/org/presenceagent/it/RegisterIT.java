package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The built-in registrar (RFC 3261 section 10) and presence from registrations, over real
 * sockets, UDP and TCP.
 */
class RegisterIT {

  @RegisterExtension
  static final PresenceServerExtension SERVER = new PresenceServerExtension()
      .param("auth", "none")
      .param("min_expires", "2")
      .param("max_registration_expiration", "600");

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void registerRefreshQueryAndUnregister(String transport) throws Exception {
    try (SipTestClient phone = new SipTestClient(transport, SERVER.sipPort())) {
      Registrar registrar = new Registrar(phone, TestAors.unique("bob"));

      Response added = registrar.register(300, "<sip:bob@127.0.0.1:5999>");
      assertThat(added.getStatusCode()).isEqualTo(200);
      assertThat(Registrar.contacts(added)).contains("sip:bob@127.0.0.1:5999").containsPattern("expires=(300|299)");
      // RFC 3261 section 10.3 step 8 and 20.17: a Date in rfc1123-date form, close to now
      String date = SipTestHeaders.get(added, "Date");
      assertThat(date).matches("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
      assertThat(Duration.between(ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant(), Instant.now()))
          .isBetween(Duration.ofMinutes(-1), Duration.ofMinutes(1));

      Response refreshed = registrar.register(null, "<sip:bob@127.0.0.1:5999>;expires=7200;q=0.5");
      assertThat(Registrar.contacts(refreshed)).contains("expires=600").contains("q=0.5");

      Response query = registrar.register(null);
      assertThat(Registrar.contacts(query)).contains("sip:bob@127.0.0.1:5999");

      Response removed = registrar.register(null, "<sip:bob@127.0.0.1:5999>;expires=0");
      assertThat(removed.getStatusCode()).isEqualTo(200);
      assertThat(Registrar.contacts(removed)).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void wildcardRemovesEveryBindingAndNeedsExpiresZero(String transport) throws Exception {
    try (SipTestClient phone = new SipTestClient(transport, SERVER.sipPort())) {
      Registrar registrar = new Registrar(phone, TestAors.unique("carol"));
      registrar.register(300, "<sip:desk@127.0.0.1:5998>", "<sip:mobile@127.0.0.1:5997>");

      assertThat(registrar.register(300, "*").getStatusCode()).isEqualTo(400);
      Response removed = registrar.register(0, "*");

      assertThat(removed.getStatusCode()).isEqualTo(200);
      assertThat(Registrar.contacts(removed)).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void tooShortExpiryGets423AndAnOutOfOrderCseqIsRefused(String transport) throws Exception {
    try (SipTestClient phone = new SipTestClient(transport, SERVER.sipPort())) {
      Registrar registrar = new Registrar(phone, TestAors.unique("dave"));
      Response brief = registrar.register(1, "<sip:dave@127.0.0.1:5996>");
      assertThat(brief.getStatusCode()).isEqualTo(423);
      assertThat(SipTestHeaders.get(brief, "Min-Expires")).isEqualTo("2");

      registrar.register(300, "<sip:dave@127.0.0.1:5996>");
      Response stale = phone.call(registrar.requestWithCseq(1, 0, "<sip:dave@127.0.0.1:5996>"));
      assertThat(stale.getStatusCode()).isEqualTo(500);
      assertThat(Registrar.contacts(registrar.register(null))).as("the stale removal was not applied")
          .contains("sip:dave@127.0.0.1:5996");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void aWatcherSeesRegistrationsAsOpenTuplesAndClosedAfterUnregister(String transport) throws Exception {
    try (SipTestClient watcher = new SipTestClient(transport, SERVER.sipPort());
        SipTestClient phone = new SipTestClient(transport, SERVER.sipPort())) {
      String bob = TestAors.unique("bob");
      SubscriptionDialog.subscribe(watcher, TestAors.unique("watcher"), bob, 300);
      assertThat(Notifies.body(Notifies.next(watcher))).contains("<basic>closed</basic>");
      Registrar registrar = new Registrar(phone, bob);

      registrar.register(300, "<sip:bob@127.0.0.1:5995>;q=0.9");
      String online = Notifies.body(Notifies.next(watcher));
      assertThat(online).contains("<basic>open</basic>").contains("sip:bob@127.0.0.1:5995").contains("priority=\"0.9\"");

      registrar.register(300, "<sip:bob-mobile@127.0.0.1:5994>");
      String twoDevices = Notifies.body(Notifies.next(watcher));
      assertThat(twoDevices).contains("sip:bob@127.0.0.1:5995").contains("sip:bob-mobile@127.0.0.1:5994");

      registrar.register(0, "*");
      assertThat(Notifies.body(Notifies.next(watcher))).contains("<basic>closed</basic>").doesNotContain("5995");
    }
  }

  // linphone 5.1 over TCP registers from its listening port, learns its connection's address
  // from rport and registers again at once with the same +sip.instance: the binding must follow,
  // or the 200 does not list the phone's contact and linphone logs "No matching contact".
  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void aDeviceThatRegistersItsInstanceFromAnotherContactIsListedThere(String transport) throws Exception {
    try (SipTestClient phone = new SipTestClient(transport, SERVER.sipPort())) {
      String gina = TestAors.unique("gina");
      Registrar registrar = new Registrar(phone, gina);
      String instance = ";+sip.instance=\"<urn:uuid:e4547f9d-c04c-0053-890e-5d46576477b5>\"";
      registrar.register(300, "<sip:gina@127.0.0.1:5990;transport=tcp>" + instance);

      Response moved = registrar.register(300, "<sip:gina@127.0.0.1:5991;transport=tcp>" + instance);

      assertThat(moved.getStatusCode()).isEqualTo(200);
      assertThat(Registrar.contacts(moved)).contains("sip:gina@127.0.0.1:5991;transport=tcp").doesNotContain("5990");
      Response removed = registrar.register(0, "<sip:gina@127.0.0.1:5991;transport=tcp>" + instance);
      assertThat(Registrar.contacts(removed)).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void anExpiredRegistrationMakesTheUserOffline(String transport) throws Exception {
    try (SipTestClient watcher = new SipTestClient(transport, SERVER.sipPort());
        SipTestClient phone = new SipTestClient(transport, SERVER.sipPort())) {
      String erin = TestAors.unique("erin");
      Registrar registrar = new Registrar(phone, erin);
      registrar.register(2, "<sip:erin@127.0.0.1:5993>");
      SubscriptionDialog.subscribe(watcher, TestAors.unique("watcher"), erin, 300);
      assertThat(Notifies.body(Notifies.next(watcher))).contains("<basic>open</basic>");

      Request offline = Notifies.next(watcher); // the binding expires after 2 s
      assertThat(Notifies.body(offline)).contains("<basic>closed</basic>");
      Awaitility.await().atMost(Duration.ofSeconds(5))
          .until(() -> Registrar.contacts(registrar.register(null)).isEmpty());
    }
  }
}
