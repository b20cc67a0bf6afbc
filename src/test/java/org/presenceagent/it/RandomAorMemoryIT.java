package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The memory bound of issue 15: requests naming addresses a client makes up (fetch SUBSCRIBEs and
 * MESSAGEs over TCP, XCAP GETs over HTTP, a new AOR each) must not make the server keep anything
 * per address beyond its bounded caches. With pres-rules authorization every SUBSCRIBE looks up
 * its presentity's rules and static presence, so the caches are exercised; they are sized small
 * here so that their bound is visible next to the request count.
 *
 * <p>{@code verify} sends {@value #DEFAULT_REQUESTS} requests; the run of docs/hostile-clients.md
 * adds {@code -Dmemory.requests=1000000}.
 */
class RandomAorMemoryIT {

  static final int DEFAULT_REQUESTS = 15_000;
  private static final Logger LOG = LoggerFactory.getLogger(RandomAorMemoryIT.class);
  private static final int WARM_UP = 3000;
  private static final int WINDOW = 100;
  /** Two bounded caches of 1,000 entries and the container's transactions still in their timers. */
  private static final long RETAINED_BOUND = 32L * 1024 * 1024;

  @RegisterExtension
  static final PresenceServerExtension SERVER = new PresenceServerExtension()
      .param("auth", "xcap")
      .param("xcap_open", "1")
      .param("max_cached_documents", "1000");

  @Test
  void requestsForMadeUpAddressesLeaveTheRetainedHeapBounded() throws Exception {
    int count = Integer.getInteger("memory.requests", DEFAULT_REQUESTS);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    AtomicLong xcapAnswers = new AtomicLong();
    try (RawSipPeer peer = new RawSipPeer(SERVER.sipPort(), RandomAorMemoryIT::ok)) {
      send(peer, http, WARM_UP, xcapAnswers);
      long before = SipFuzzIT.usedHeapAfterGc();
      long started = System.nanoTime();
      send(peer, http, count, xcapAnswers);
      long seconds = Math.max(1, (System.nanoTime() - started) / 1_000_000_000L);
      Thread.sleep(6000); // the last NOTIFYs' client transactions (Timer K, 5 s)
      long after = SipFuzzIT.usedHeapAfterGc();
      Map<Integer, Long> answers = peer.finalResponses();
      LOG.info("memory run: {} requests with made-up addresses (plus {} warm-up) in {} s; SIP final responses by"
          + " status {}; {} XCAP answers; retained heap after GC {} MB before, {} MB after ({} bytes per request)",
          count, WARM_UP, seconds, answers, xcapAnswers.get(), before >> 20, after >> 20,
          Math.max(0, after - before) / count);
      assertThat(answers).doesNotContainKey(500);
      assertThat(after - before).isLessThan(RETAINED_BOUND);
    }
  }

  /** A third fetch SUBSCRIBEs, a third MESSAGEs, a third XCAP GETs; each naming a new address. */
  private static void send(RawSipPeer peer, HttpClient http, int count, AtomicLong xcapAnswers) throws Exception {
    long sipSent = 0;
    long sipAnsweredBefore = peer.finalResponseCount();
    for (int i = 0; i < count; i++) {
      String user = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "@example.com";
      switch (i % 3) {
        case 0 -> {
          peer.sendTcp(request("SUBSCRIBE", user, peer.udpPort(), "Event: presence\r\nExpires: 0\r\n", ""));
          sipSent++;
        }
        case 1 -> {
          peer.sendTcp(request("MESSAGE", user, peer.udpPort(), "Content-Type: text/plain\r\n", "hi"));
          sipSent++;
        }
        default -> {
          String path = "/xcap-root/pres-rules/users/" + URLEncoder.encode("sip:" + user, StandardCharsets.UTF_8)
              + "/presence-rules.xml";
          HttpResponse<Void> response = http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SERVER.httpPort() + path)).build(),
              HttpResponse.BodyHandlers.discarding());
          assertThat(response.statusCode()).isEqualTo(404);
          xcapAnswers.incrementAndGet();
        }
      }
      long deadline = System.currentTimeMillis() + 10_000;
      while (sipSent - (peer.finalResponseCount() - sipAnsweredBefore) > WINDOW) {
        assertThat(System.currentTimeMillis()).as("answers keep coming").isLessThan(deadline);
        Thread.sleep(1);
      }
    }
    long deadline = System.currentTimeMillis() + 30_000;
    while (peer.finalResponseCount() - sipAnsweredBefore < sipSent && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    assertThat(peer.finalResponseCount() - sipAnsweredBefore).as("every SIP request answered").isEqualTo(sipSent);
  }

  private static byte[] request(String method, String user, int contactPort, String headers, String body) {
    String id = UUID.randomUUID().toString();
    return (method + " sip:" + user + " SIP/2.0\r\n"
        + "Via: SIP/2.0/TCP 127.0.0.1:" + contactPort + ";branch=z9hG4bK-" + id + "\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: <sip:w" + id.substring(0, 8) + "@example.com>;tag=" + id.substring(0, 8) + "\r\n"
        + "To: <sip:" + user + ">\r\n"
        + "Call-ID: " + id + "@memory\r\n"
        + "CSeq: 1 " + method + "\r\n"
        + "Contact: <sip:w@127.0.0.1:" + contactPort + ">\r\n"
        + headers
        + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
  }

  /** 200 to the server's NOTIFYs (the final NOTIFY of each fetch). */
  private static String ok(String request) {
    return RawSipPeer.responseTo(request, 200, "OK");
  }
}
