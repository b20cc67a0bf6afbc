package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import javax.sip.header.ExpiresHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PUBLISH (RFC 3903) and the NOTIFYs it causes (RFC 3856), over real sockets, UDP and TCP. */
class PublishIT {

  @RegisterExtension
  static final PresenceServerExtension SERVER = new PresenceServerExtension()
      .param("auth", "none")
      .param("min_expires", "1")
      .param("max_publish_expiration", "900");

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void aWatcherReceivesThePublishedDocument(String transport) throws Exception {
    try (SipTestClient watcher = new SipTestClient(transport, SERVER.sipPort());
        SipTestClient phone = new SipTestClient(transport, SERVER.sipPort())) {
      String alice = TestAors.unique("alice");
      SubscriptionDialog.subscribe(watcher, TestAors.unique("watcher"), alice, 300);
      assertThat(Notifies.body(Notifies.next(watcher))).contains("<basic>closed</basic>");

      Response ok = new Publisher(phone).publish(alice, 600, null, Pidf.open(alice, "phone", "At my desk"));

      assertThat(ok.getStatusCode()).isEqualTo(200);
      assertThat(Publisher.etag(ok)).isNotBlank();
      assertThat(((ExpiresHeader) ok.getHeader(ExpiresHeader.NAME)).getExpires()).isEqualTo(600);
      Request notify = Notifies.next(watcher);
      assertThat(Notifies.state(notify)).startsWith("active;expires=");
      assertThat(Notifies.body(notify)).contains("At my desk").contains("<basic>open</basic>");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void modifyRefreshAndRemoveFollowRfc3903(String transport) throws Exception {
    try (SipTestClient watcher = new SipTestClient(transport, SERVER.sipPort());
        SipTestClient phone = new SipTestClient(transport, SERVER.sipPort())) {
      String bob = TestAors.unique("bob");
      Publisher publisher = new Publisher(phone);
      String first = Publisher.etag(publisher.publish(bob, 600, null, Pidf.open(bob, "t1", "first")));
      SubscriptionDialog.subscribe(watcher, TestAors.unique("watcher"), bob, 300);
      assertThat(Notifies.body(Notifies.next(watcher))).contains("first");

      Response modified = publisher.publish(bob, 600, first, Pidf.open(bob, "t1", "second"));
      assertThat(modified.getStatusCode()).isEqualTo(200);
      String second = Publisher.etag(modified);
      assertThat(second).isNotEqualTo(first);
      assertThat(Notifies.body(Notifies.next(watcher))).contains("second").doesNotContain("first");

      Response refreshed = publisher.publish(bob, 1200, second, null);
      assertThat(refreshed.getStatusCode()).isEqualTo(200);
      assertThat(((ExpiresHeader) refreshed.getHeader(ExpiresHeader.NAME)).getExpires()).isEqualTo(900); // clamped
      String third = Publisher.etag(refreshed);
      assertThat(third).isNotEqualTo(second);
      assertThat(watcher.awaitRequest(Request.NOTIFY, 500)).as("a refresh changes nothing to notify").isNull();
      assertThat(publisher.publish(bob, 600, second, null).getStatusCode()).as("the old tag is gone").isEqualTo(412);

      Response removed = publisher.publish(bob, 0, third, null);
      assertThat(removed.getStatusCode()).isEqualTo(200);
      assertThat(((ExpiresHeader) removed.getHeader(ExpiresHeader.NAME)).getExpires()).isZero();
      assertThat(Notifies.body(Notifies.next(watcher))).contains("<basic>closed</basic>").doesNotContain("second");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void twoDevicesComposeIntoOneDocumentAndAnExpiredOneDisappears(String transport) throws Exception {
    try (SipTestClient watcher = new SipTestClient(transport, SERVER.sipPort());
        SipTestClient phone = new SipTestClient(transport, SERVER.sipPort())) {
      String carol = TestAors.unique("carol");
      Publisher publisher = new Publisher(phone);
      publisher.publish(carol, 600, null, Pidf.open(carol, "desk", "desk phone"));
      publisher.publish(carol, 2, null, Pidf.open(carol, "mobile", "mobile phone"));
      SubscriptionDialog.subscribe(watcher, TestAors.unique("watcher"), carol, 300);

      assertThat(Notifies.body(Notifies.next(watcher))).contains("desk phone").contains("mobile phone");
      // the mobile's publication expires after 2 s: watchers are told at once
      String afterExpiry = Notifies.body(Notifies.next(watcher));
      assertThat(afterExpiry).contains("desk phone").doesNotContain("mobile phone");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void anUnknownEntityTagGets412(String transport) throws Exception {
    try (SipTestClient phone = new SipTestClient(transport, SERVER.sipPort())) {
      assertThat(new Publisher(phone).publish(TestAors.unique("dave"), 60, "no-such-etag", null).getStatusCode()).isEqualTo(412);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void anInitialPublishWithoutBodyGets400(String transport) throws Exception {
    try (SipTestClient phone = new SipTestClient(transport, SERVER.sipPort())) {
      Response response = new Publisher(phone).publish(TestAors.unique("erin"), 60, null, null);
      assertThat(response.getStatusCode()).isEqualTo(400);
      assertThat(response.getReasonPhrase()).isEqualTo("Missing body in initial PUBLISH");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void anUnsupportedBodyTypeGets415WithAccept(String transport) throws Exception {
    try (SipTestClient phone = new SipTestClient(transport, SERVER.sipPort())) {
      String frank = TestAors.unique("frank");
      Publisher publisher = new Publisher(phone);
      Response response = phone.call(
          publisher.request(frank, 60, null, "text/plain", "online".getBytes(StandardCharsets.UTF_8)));
      assertThat(response.getStatusCode()).isEqualTo(415);
      assertThat(SipTestHeaders.get(response, "Accept")).isEqualTo("application/pidf+xml, application/cpim-pidf+xml");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void anUnknownEventGets489(String transport) throws Exception {
    try (SipTestClient phone = new SipTestClient(transport, SERVER.sipPort())) {
      String grace = TestAors.unique("grace");
      Request publish = new Publisher(phone).request(grace, 60, null, "application/pidf+xml", Pidf.open(grace, "t", "x"));
      SipTestClient.setHeader(publish, "Event", "dialog");
      Response response = phone.call(publish);
      assertThat(response.getStatusCode()).isEqualTo(489);
      assertThat(SipTestHeaders.get(response, "Allow-Events")).isEqualTo("presence");
    }
  }
}
