package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * State written through to the database survives a restart of the server on the same data
 * directory: publications are served again with their entity tags, and registrations are
 * reloaded.
 */
class RestartIT {

  @RegisterExtension
  static final PresenceServerExtension SERVER = new PresenceServerExtension().param("auth", "none");

  @Test
  void publicationsAndSubscriptionsSurviveARestart() throws Exception {
    String alice = "sip:alice-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
    String etag;
    SubscriptionDialog dialog;
    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      etag = Publisher.etag(new Publisher(client).publish(alice, 600, null, Pidf.open(alice, "desk", "before restart")));
      dialog = SubscriptionDialog.subscribe(client, "\"Watcher W\" <sip:watcher@example.com>", alice, 600).dialog();
      Notifies.next(client);
      new Registrar(client, alice).register(600, "<sip:alice@127.0.0.1:5990>");
      Notifies.next(client); // the registration made her open
    }

    SERVER.stop();
    SERVER.start();

    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      SubscriptionDialog.subscribe(client, "sip:other@example.com", alice, 600);
      assertThat(Notifies.body(Notifies.next(client))).contains("before restart");
      assertThat(Registrar.contacts(new Registrar(client, alice).register(null)))
          .as("the binding was reloaded").contains("sip:alice@127.0.0.1:5990");
      Response refreshed = new Publisher(client).publish(alice, 600, etag, null);
      assertThat(refreshed.getStatusCode()).as("the stored entity tag is still valid").isEqualTo(200);

      Request winfo = client.newRequest(Request.SUBSCRIBE, alice, alice, 1);
      SipTestClient.setHeader(winfo, "Event", "presence.winfo");
      assertThat(client.call(winfo).getStatusCode()).isEqualTo(200);
      assertThat(Notifies.body(Notifies.next(client))).as("the watcher's display name was stored (V5)")
          .contains("display-name=\"Watcher W\"").contains(">sip:watcher@example.com</watcher>");
    }
    assertThat(dialog.callId()).isNotBlank();
  }

  /**
   * A crash between commit and response loses the response, and the publisher retransmits the
   * unchanged request (same Call-ID and CSeq) to the restarted server: it must get the answer it
   * missed, not a second publication (initial PUBLISH) or a 412 (modification).
   */
  @Test
  void aPublishRetransmittedAfterARestartIsAnsweredAgainAndAppliedOnce() throws Exception {
    String bob = "sip:bob-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
    String carol = "sip:carol-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
    String bobCall = UUID.randomUUID() + "@publisher";
    String carolCall = UUID.randomUUID() + "@publisher";
    String bobEtag;
    String carolFirstEtag;
    String carolSecondEtag;
    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      bobEtag = Publisher.etag(client.call(publish(client, bob, bobCall, 1, null, "bob-initial")));
      carolFirstEtag = Publisher.etag(client.call(publish(client, carol, carolCall, 1, null, "carol-initial")));
      carolSecondEtag = Publisher.etag(client.call(publish(client, carol, carolCall, 2, carolFirstEtag, "carol-modified")));
    }

    SERVER.stop();
    SERVER.start();

    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      // Bob's initial PUBLISH and Carol's modification lost their responses: both are sent again.
      Response bobAgain = client.call(publish(client, bob, bobCall, 1, null, "bob-initial"));
      Response carolAgain = client.call(publish(client, carol, carolCall, 2, carolFirstEtag, "carol-modified"));
      assertThat(bobAgain.getStatusCode()).isEqualTo(200);
      assertThat(Publisher.etag(bobAgain)).isEqualTo(bobEtag);
      assertThat(carolAgain.getStatusCode()).as("not 412 for the tag it already replaced").isEqualTo(200);
      assertThat(Publisher.etag(carolAgain)).isEqualTo(carolSecondEtag);

      SubscriptionDialog.subscribe(client, "sip:watcher@example.com", bob, 600);
      String document = Notifies.body(Notifies.next(client));
      assertThat(document.split("<tuple", -1)).as("one publication, one tuple: " + document).hasSize(2);
    }
  }

  /**
   * The same for the SUBSCRIBE that creates a dialog: sent again unchanged (no To tag) to the
   * restarted server, it gets a 200 in a new dialog, and the subscription lives on in that dialog.
   */
  @Test
  void aSubscribeRetransmittedAfterARestartContinuesInTheDialogItsAnswerCreates() throws Exception {
    String dave = "sip:dave-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
    String callId = UUID.randomUUID() + "@watcher";
    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      assertThat(client.call(initialSubscribe(client, dave, callId)).getStatusCode()).isEqualTo(200);
      Notifies.next(client);
    }

    SERVER.stop();
    SERVER.start();

    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      Response again = client.call(initialSubscribe(client, dave, callId));
      assertThat(again.getStatusCode()).isEqualTo(200);
      String toTag = ((javax.sip.header.ToHeader) again.getHeader("To")).getTag();
      assertThat(fromTag(Notifies.next(client))).isEqualTo(toTag);

      new Publisher(client).publish(dave, 600, null, Pidf.open(dave, "desk", "after retransmission"));
      javax.sip.message.Request notify = Notifies.next(client);
      assertThat(fromTag(notify)).as("NOTIFYs go in the dialog the last answer created").isEqualTo(toTag);
      assertThat(Notifies.body(notify)).contains("after retransmission");

      // The stored dialog is the new one too: after another restart the NOTIFY still carries its tag.
      SERVER.stop();
      SERVER.start();
      new Publisher(client).publish(dave, 600, null, Pidf.open(dave, "desk", "after second restart"));
      javax.sip.message.Request restored = Notifies.next(client);
      assertThat(fromTag(restored)).isEqualTo(toTag);
      assertThat(Notifies.body(restored)).contains("after second restart");
    }
  }

  private static javax.sip.message.Request initialSubscribe(SipTestClient client, String presentity, String callId)
      throws Exception {
    javax.sip.message.Request subscribe = client.newRequest(
        "SUBSCRIBE", "sip:watcher@example.com", presentity, callId, "watcher-tag", null, presentity, 1);
    SipTestClient.setHeader(subscribe, "Event", "presence");
    SipTestClient.setHeader(subscribe, "Expires", "600");
    return subscribe;
  }

  private static String fromTag(javax.sip.message.Request request) {
    return ((javax.sip.header.FromHeader) request.getHeader("From")).getTag();
  }

  private static javax.sip.message.Request publish(
      SipTestClient client, String presentity, String callId, long cseq, String ifMatch, String note) throws Exception {
    javax.sip.message.Request publish =
        client.newRequest("PUBLISH", presentity, presentity, callId, "publisher-tag", null, presentity, cseq);
    SipTestClient.setHeader(publish, "Event", "presence");
    SipTestClient.setHeader(publish, "Expires", "600");
    if (ifMatch != null) {
      SipTestClient.setHeader(publish, "SIP-If-Match", ifMatch);
    }
    client.setBody(publish, "application/pidf+xml", Pidf.open(presentity, "desk", note));
    return publish;
  }
}
