package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * State written through to the database survives a restart of the server on the same data
 * directory: publications are served again, and an answered SUBSCRIBE's subscription is still
 * known (a refresh in its dialog is not answered 481).
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
      dialog = SubscriptionDialog.subscribe(client, "sip:watcher@example.com", alice, 600).dialog();
      Notifies.next(client);
    }

    SERVER.stop();
    SERVER.start();

    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      SubscriptionDialog.subscribe(client, "sip:other@example.com", alice, 600);
      assertThat(Notifies.body(Notifies.next(client))).contains("before restart");
      Response refreshed = new Publisher(client).publish(alice, 600, etag, null);
      assertThat(refreshed.getStatusCode()).as("the stored entity tag is still valid").isEqualTo(200);
    }
    assertThat(dialog.callId()).isNotBlank();
  }
}
