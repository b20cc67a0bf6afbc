package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Overload control over real sockets: a burst of new requests beyond what the server may have in
 * hand is refused early with 503 and Retry-After, every request gets a final answer (none lost,
 * none 500), every accepted one is stored, and the server serves normally right after the burst.
 */
class OverloadIT {

  @RegisterExtension
  static final PresenceServerExtension SERVER = new PresenceServerExtension()
      .param("auth", "none")
      .param("overload_pending_requests", "10")
      .param("overload_retry_after", "3");

  @Test
  void aBurstBeyondTheLimitIsPartlyRefusedWith503AndRetryAfterAndNothingIsLost() throws Exception {
    Map<Integer, Integer> byStatus;
    try (UdpBurst burst = new UdpBurst(SERVER.sipPort())) {
      burst.publish(300, "burst");
      byStatus = burst.collect(20_000);
      for (String response : burst.responses().values()) {
        if (response.startsWith("SIP/2.0 503")) {
          int retryAfter = Integer.parseInt(UdpBurst.header(response, "Retry-After").split("[ ;(]")[0]);
          assertThat(retryAfter).as("Retry-After: 3 s plus up to as much again").isBetween(3, 6);
        }
      }
    }

    assertThat(byStatus.keySet()).as("answers: %s (0: none)", byStatus).containsOnly(200, 503);
    assertThat(byStatus.get(503)).as("some refused: %s", byStatus).isPositive();
    assertThat(byStatus.get(200)).as("some accepted: %s", byStatus).isPositive();
    assertThat(SERVER.metric("presence_overload_refused_before_parse_total"))
        .as("refused from the raw datagram, before the stack parsed it").isPositive();
    assertThat(SERVER.metric("presence_publications")).as("every accepted PUBLISH is stored, no refused one")
        .isEqualTo((long) byStatus.get(200));
    assertThat(SERVER.metric("presence_requests_pending")).isZero();

    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      String after = TestAors.unique("after");
      assertThat(new Publisher(client).publish(after, 600, null, Pidf.open(after, "t", "n")).getStatusCode())
          .as("served again right after the burst").isEqualTo(200);
    }
  }

  @Test
  void requestsInADialogAreServedWhileNewOnesAreRefused() throws Exception {
    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      SubscriptionDialog dialog =
          SubscriptionDialog.subscribe(client, TestAors.unique("watcher"), TestAors.unique("alice"), 600).dialog();
      Notifies.next(client);
      try (UdpBurst burst = new UdpBurst(SERVER.sipPort())) {
        burst.publish(300, "busy");

        Response refreshed = dialog.refresh(600);

        assertThat(refreshed.getStatusCode()).as("the refresh finishes work already started").isEqualTo(200);
        Map<Integer, Integer> byStatus = burst.collect(20_000);
        assertThat(byStatus.keySet()).as("answers: %s", byStatus).containsOnly(200, 503);
      }
    }
  }
}
