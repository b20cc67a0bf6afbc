package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SUBSCRIBE/NOTIFY for the presence event package over real sockets, UDP and TCP
 * (RFC 6665 section 4.2, RFC 3856).
 */
class SubscribeIT {

  @RegisterExtension
  static final PresenceServerExtension SERVER = new PresenceServerExtension()
      .param("auth", "none")
      .param("min_expires", "2")
      .param("default_expires", "300")
      .param("max_subscription_expiration", "600");

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void subscribeIsAnsweredWith200AndAnImmediateActiveNotify(String transport) throws Exception {
    try (SipTestClient client = new SipTestClient(transport, SERVER.sipPort())) {
      SubscriptionDialog.Established established =
          SubscriptionDialog.subscribe(client, TestAors.unique("watcher"), TestAors.unique("alice"), 120);

      Response ok = established.response();
      assertThat(ok.getStatusCode()).isEqualTo(200);
      assertThat(((ExpiresHeader) ok.getHeader(ExpiresHeader.NAME)).getExpires()).isEqualTo(120);
      assertThat(((ToHeader) ok.getHeader(ToHeader.NAME)).getTag()).isNotBlank();
      Request notify = Notifies.next(client);
      assertThat(SipTestHeaders.get(notify, "Event")).isEqualTo("presence");
      assertThat(Notifies.state(notify)).startsWith("active;expires=").matches("active;expires=1[01][0-9]");
      assertThat(SipTestHeaders.get(notify, "Content-Type")).isEqualTo("application/pidf+xml");
      assertThat(Notifies.body(notify)).contains("<basic>closed</basic>"); // nothing published yet
      assertThat(((ToHeader) notify.getHeader(ToHeader.NAME)).getTag()).isNotBlank();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void refreshThenUnsubscribeEndsWithTerminatedNotify(String transport) throws Exception {
    try (SipTestClient client = new SipTestClient(transport, SERVER.sipPort())) {
      SubscriptionDialog dialog = SubscriptionDialog.subscribe(client, TestAors.unique("watcher"), TestAors.unique("bob"), 60).dialog();
      Notifies.next(client);

      Response refreshed = dialog.refresh(90);
      assertThat(refreshed.getStatusCode()).isEqualTo(200);
      assertThat(((ExpiresHeader) refreshed.getHeader(ExpiresHeader.NAME)).getExpires()).isEqualTo(90);
      assertThat(Notifies.state(Notifies.next(client))).startsWith("active;expires=");

      Response ended = dialog.refresh(0);
      assertThat(ended.getStatusCode()).isEqualTo(200);
      assertThat(((ExpiresHeader) ended.getHeader(ExpiresHeader.NAME)).getExpires()).isZero();
      assertThat(Notifies.state(Notifies.next(client))).isEqualTo("terminated;reason=timeout");

      // The subscription is gone: another refresh in the dialog is for a subscription that does not exist.
      assertThat(dialog.refresh(60).getStatusCode()).isEqualTo(481);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void fetchGetsExpiresZeroAndOneTerminatedNotifyWithState(String transport) throws Exception {
    try (SipTestClient client = new SipTestClient(transport, SERVER.sipPort())) {
      SubscriptionDialog.Established fetch = SubscriptionDialog.subscribe(client, TestAors.unique("watcher"), TestAors.unique("carol"), 0);

      assertThat(((ExpiresHeader) fetch.response().getHeader(ExpiresHeader.NAME)).getExpires()).isZero();
      Request notify = Notifies.next(client);
      assertThat(Notifies.state(notify)).isEqualTo("terminated;reason=timeout");
      assertThat(Notifies.body(notify)).contains("urn:ietf:params:xml:ns:pidf");
      assertThat(client.awaitRequest(Request.NOTIFY, 500)).as("no second NOTIFY for a fetch").isNull();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void expiryIsDefaultedAndClampedToTheMaximum(String transport) throws Exception {
    try (SipTestClient client = new SipTestClient(transport, SERVER.sipPort())) {
      Response defaulted = SubscriptionDialog.subscribe(client, TestAors.unique("watcher"), TestAors.unique("dave"), null).response();
      assertThat(((ExpiresHeader) defaulted.getHeader(ExpiresHeader.NAME)).getExpires()).isEqualTo(300);
      Response clamped = SubscriptionDialog.subscribe(client, TestAors.unique("watcher"), TestAors.unique("erin"), 7200).response();
      assertThat(((ExpiresHeader) clamped.getHeader(ExpiresHeader.NAME)).getExpires()).isEqualTo(600);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void tooShortExpiryGets423WithMinExpires(String transport) throws Exception {
    try (SipTestClient client = new SipTestClient(transport, SERVER.sipPort())) {
      Request subscribe = client.newRequest(Request.SUBSCRIBE, TestAors.unique("watcher"), TestAors.unique("frank"), 1);
      SipTestClient.setHeader(subscribe, "Event", "presence");
      SipTestClient.setHeader(subscribe, "Expires", "1");

      Response response = client.call(subscribe);

      assertThat(response.getStatusCode()).isEqualTo(423);
      assertThat(SipTestHeaders.get(response, "Min-Expires")).isEqualTo("2");
      assertThat(client.awaitRequest(Request.NOTIFY, 300)).isNull();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void unknownEventGets489WithAllowEvents(String transport) throws Exception {
    try (SipTestClient client = new SipTestClient(transport, SERVER.sipPort())) {
      Request subscribe = client.newRequest(Request.SUBSCRIBE, TestAors.unique("watcher"), TestAors.unique("grace"), 1);
      SipTestClient.setHeader(subscribe, "Event", "dialog");

      Response response = client.call(subscribe);

      assertThat(response.getStatusCode()).isEqualTo(489);
      assertThat(SipTestHeaders.get(response, "Allow-Events")).isEqualTo("presence, presence.winfo");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void missingEventGets400(String transport) throws Exception {
    try (SipTestClient client = new SipTestClient(transport, SERVER.sipPort())) {
      Request subscribe = client.newRequest(Request.SUBSCRIBE, TestAors.unique("watcher"), TestAors.unique("heidi"), 1);

      Response response = client.call(subscribe);

      assertThat(response.getStatusCode()).isEqualTo(400);
      assertThat(response.getReasonPhrase()).isEqualTo("Missing Event header");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void inDialogSubscribeForAnUnknownDialogGets481(String transport) throws Exception {
    try (SipTestClient client = new SipTestClient(transport, SERVER.sipPort())) {
      String presentity = TestAors.unique("ivan");
      Request subscribe = client.newRequest(Request.SUBSCRIBE, TestAors.unique("watcher"), presentity,
          UUID.randomUUID() + "@test", "from1", "no-such-tag", client.requestUri(presentity), 5);
      SipTestClient.setHeader(subscribe, "Event", "presence");

      assertThat(client.call(subscribe).getStatusCode()).isEqualTo(481);
    }
  }

  /**
   * After the final NOTIFY's transaction is over (at once over TCP, after Timer K over UDP) a
   * refresh in the ended dialog still reaches the application and gets 481 (the container kept the
   * session: freeing it at once raced such refreshes, which then got the container's 500).
   */
  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void aRefreshLongAfterTheEndStillGets481(String transport) throws Exception {
    try (SipTestClient client = new SipTestClient(transport, SERVER.sipPort())) {
      SubscriptionDialog dialog = SubscriptionDialog.subscribe(client, TestAors.unique("watcher"), TestAors.unique("kim"), 60).dialog();
      Notifies.next(client);
      assertThat(dialog.refresh(0).getStatusCode()).isEqualTo(200);
      assertThat(Notifies.state(Notifies.next(client))).isEqualTo("terminated;reason=timeout");

      Thread.sleep(transport.equals("udp") ? 6500 : 1500); // Timer K is T4 = 5 s over UDP, 0 over TCP

      assertThat(dialog.refresh(60).getStatusCode()).isEqualTo(481);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void anExpiredSubscriptionGetsTerminatedTimeout(String transport) throws Exception {
    try (SipTestClient client = new SipTestClient(transport, SERVER.sipPort())) {
      SubscriptionDialog dialog = SubscriptionDialog.subscribe(client, TestAors.unique("watcher"), TestAors.unique("judy"), 2).dialog();
      Notifies.next(client);

      Request last = Notifies.next(client); // sent by the expiry timer, about 2 s later
      assertThat(Notifies.state(last)).isEqualTo("terminated;reason=timeout");
      assertThat(dialog.refresh(60).getStatusCode()).isEqualTo(481);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void aNotifyAnswered481RemovesTheSubscription(String transport) throws Exception {
    try (SipTestClient client = new SipTestClient(transport, SERVER.sipPort())) {
      client.answerNotifiesWith(request -> 481);
      SubscriptionDialog dialog = SubscriptionDialog.subscribe(client, TestAors.unique("watcher"), TestAors.unique("ken"), 60).dialog();
      Notifies.next(client);
      client.answerNotifiesWith(request -> 200);

      // RFC 6665 4.2.2: the notifier removed the subscription; a refresh finds nothing.
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
          .until(() -> dialog.refresh(60).getStatusCode() == 481);
    }
  }

  /** Kamailio's delete_same_subs: a rebooted phone's new subscription replaces its old one. */
  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void aNewSubscriptionFromTheSameContactReplacesTheOldOne(String transport) throws Exception {
    try (SipTestClient phone = new SipTestClient(transport, SERVER.sipPort());
        SipTestClient otherPhone = new SipTestClient(transport, SERVER.sipPort())) {
      String watcher = TestAors.unique("watcher");
      String alice = TestAors.unique("alice");
      SubscriptionDialog beforeReboot = SubscriptionDialog.subscribe(phone, watcher, alice, 300).dialog();
      Notifies.next(phone);
      SubscriptionDialog onOtherPhone = SubscriptionDialog.subscribe(otherPhone, watcher, alice, 300).dialog();
      Notifies.next(otherPhone);

      SubscriptionDialog.subscribe(phone, watcher, alice, 300); // new Call-ID, same Contact
      Notifies.next(phone);

      assertThat(beforeReboot.refresh(300).getStatusCode()).as("the replaced subscription is gone").isEqualTo(481);
      assertThat(onOtherPhone.refresh(300).getStatusCode()).as("another contact's subscription stays").isEqualTo(200);
    }
  }
}
