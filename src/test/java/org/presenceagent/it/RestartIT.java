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
}
