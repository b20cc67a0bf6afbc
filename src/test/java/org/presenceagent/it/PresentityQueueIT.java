package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Overload control for one presentity, over real sockets: a burst of new requests for one
 * presentity beyond {@code overload_presentity_queue} is refused with 503, Retry-After and the
 * reason "presentity busy"; every request gets a final answer; every accepted one is stored and no
 * refused one; another presentity is served meanwhile.
 */
class PresentityQueueIT {

  @RegisterExtension
  static final PresenceServerExtension SERVER = new PresenceServerExtension()
      .param("auth", "none")
      .param("overload_presentity_queue", "2")
      .param("max_publications", "1000")
      .param("overload_retry_after", "3");

  @Test
  void aBurstForOnePresentityIsPartlyRefusedAndOtherPresentitiesAreServed() throws Exception {
    String hot = TestAors.unique("hot");
    Map<Integer, Integer> byStatus;
    long busy = 0;
    try (UdpBurst burst = new UdpBurst(SERVER.sipPort());
        SipTestClient other = new SipTestClient("udp", SERVER.sipPort())) {
      burst.publishTo(hot, 100);

      String quiet = TestAors.unique("quiet");
      assertThat(new Publisher(other).publish(quiet, 600, null, Pidf.open(quiet, "t", "n")).getStatusCode())
          .as("another presentity is served while the hot one is refused").isEqualTo(200);

      byStatus = burst.collect(20_000);
      for (String response : burst.responses().values()) {
        if (response.startsWith("SIP/2.0 503")) {
          // on a busy machine the server-wide tests may refuse some of the burst first ("overloaded")
          busy += response.startsWith("SIP/2.0 503 Service Unavailable (presentity busy)") ? 1 : 0;
          int retryAfter = Integer.parseInt(UdpBurst.header(response, "Retry-After").split("[ ;(]")[0]);
          assertThat(retryAfter).as("Retry-After: 3 s plus up to as much again").isBetween(3, 6);
        }
      }
    }

    assertThat(byStatus.keySet()).as("answers: %s (0: none)", byStatus).containsOnly(200, 503);
    assertThat(busy).as("some refused as the presentity's: %s", byStatus).isPositive();
    assertThat(byStatus.get(200)).as("some accepted: %s", byStatus).isPositive();
    assertThat(SERVER.metric("presence_publications")).as("every accepted PUBLISH is stored (and the other presentity's)")
        .isEqualTo(byStatus.get(200) + 1L);
    assertThat(SERVER.metric("presence_overload_refused_total{reason=\"presentity_queue\"}"))
        .isEqualTo(busy);
  }
}
