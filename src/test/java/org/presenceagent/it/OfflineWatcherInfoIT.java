package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Offline watcher information over real SIP with the database (seed {@code use_offline_winfo}): a
 * watcher that tried an offline presentity is reported to the presentity's next winfo
 * subscription, and not to the one after it.
 */
class OfflineWatcherInfoIT {

  @RegisterExtension
  static final PresenceServerExtension SERVER = new PresenceServerExtension()
      .param("auth", "implicit")
      .param("use_offline_winfo", "1");

  private static Request watchWatchers(SipTestClient client, String presentity) throws Exception {
    Request subscribe = client.newRequest(Request.SUBSCRIBE, presentity, presentity, 1);
    SipTestClient.setHeader(subscribe, "Event", "presence.winfo");
    Response ok = client.call(subscribe);
    assertThat(ok.getStatusCode()).isEqualTo(200);
    return Notifies.next(client);
  }

  @Test
  void aWatcherOfAnOfflinePresentityIsReportedOnce() throws Exception {
    String alice = TestAors.unique("alice");
    String bob = TestAors.unique("bob");
    try (SipTestClient bobClient = new SipTestClient("udp", SERVER.sipPort());
        SipTestClient aliceClient = new SipTestClient("udp", SERVER.sipPort())) {
      SubscriptionDialog dialog = SubscriptionDialog.subscribe(bobClient, bob, alice, 300).dialog();
      assertThat(Notifies.state(Notifies.next(bobClient))).startsWith("pending");
      assertThat(dialog.refresh(0).getStatusCode()).isEqualTo(200); // bob gives up before alice comes online

      String first = new String(watchWatchers(aliceClient, alice).getRawContent(), StandardCharsets.UTF_8);
      assertThat(first).contains("state=\"full\"").contains(">" + bob + "</watcher>").contains("status=\"pending\"");

      Thread.sleep(500); // the 200 to that NOTIFY reaches the server, which then deletes the entry
      String second = new String(watchWatchers(aliceClient, alice).getRawContent(), StandardCharsets.UTF_8);
      assertThat(second).contains("state=\"full\"").doesNotContain(bob);
    }
  }
}
