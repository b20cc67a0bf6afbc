package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * RFC 3261 section 17.2.2: a non-INVITE server transaction answers every retransmission of its
 * request with the final response it sent, for Timer J (32 s over UDP). A client whose final
 * response was lost (a full socket buffer under load) retransmits; if nothing answers, it fails
 * after 32 s though its request was served. The container terminated the transaction as soon as
 * the application freed the request's session right after the answer, so every retransmission
 * went unanswered (found under load: SIPp calls timing out with their SUBSCRIBE served).
 *
 * <p>Hand-written datagrams, because a SIP library's client transaction would absorb the
 * retransmitted answers this test is about.
 */
class RetransmissionIT {

  @RegisterExtension
  static final PresenceServerExtension SERVER = new PresenceServerExtension().param("auth", "none");

  @Test
  void aRetransmittedSubscribeGetsTheSameFinalResponseAgain() throws Exception {
    assertRetransmissionsAnsweredAlike("SUBSCRIBE", "Event: presence\r\nExpires: 60\r\n", "", 200);
  }

  @Test
  void aRetransmittedUnSubscribeInTheDialogGetsTheSameFinalResponseAgain() throws Exception {
    try (Peer watcher = new Peer()) {
      String callId = "rtx-unsub-" + System.nanoTime();
      String subscribe = watcher.request("SUBSCRIBE", callId, "", 1, "Event: presence\r\nExpires: 60\r\n", "");
      String ok = watcher.exchange(subscribe).get(0);
      String toTag = ok.substring(ok.indexOf("tag=", ok.indexOf("\r\nTo:")) + 4).split("[;>\r]", 2)[0];

      String unsubscribe = watcher.request("SUBSCRIBE", callId, ";tag=" + toTag, 2, "Event: presence\r\nExpires: 0\r\n", "");
      String first = watcher.exchange(unsubscribe).get(0);
      assertThat(statusLine(first)).startsWith("SIP/2.0 200");
      for (int retransmission = 0; retransmission < 2; retransmission++) {
        assertThat(watcher.exchange(unsubscribe)).as("retransmission %d", retransmission).containsExactly(first);
      }
    }
  }

  @Test
  void aRetransmittedPublishGetsTheSameFinalResponseAgain() throws Exception {
    String pidf = "<?xml version=\"1.0\"?><presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"sip:rtx@127.0.0.1\">"
        + "<tuple id=\"t\"><status><basic>open</basic></status></tuple></presence>";
    assertRetransmissionsAnsweredAlike("PUBLISH", "Event: presence\r\nExpires: 60\r\nContent-Type: application/pidf+xml\r\n",
        pidf, 200);
  }

  @Test
  void aRetransmittedRejectedRequestGetsTheSameErrorAgain() throws Exception {
    assertRetransmissionsAnsweredAlike("PUBLISH", "Event: presence\r\nExpires: 60\r\n", "", 400);
  }

  @Test
  void aRetransmittedOptionsGetsTheSameFinalResponseAgain() throws Exception {
    assertRetransmissionsAnsweredAlike("OPTIONS", "", "", 200);
  }

  private static void assertRetransmissionsAnsweredAlike(String method, String headers, String body, int status)
      throws Exception {
    try (Peer client = new Peer()) {
      String request = client.request(method, "rtx-" + System.nanoTime(), "", 1, headers, body);
      String first = client.exchange(request).get(0);
      assertThat(statusLine(first)).startsWith("SIP/2.0 " + status);
      for (int retransmission = 0; retransmission < 3; retransmission++) {
        assertThat(client.exchange(request)).as("retransmission %d of %s", retransmission, method)
            .containsExactly(first);
      }
    }
  }

  private static String statusLine(String response) {
    return response.substring(0, response.indexOf("\r\n"));
  }

  /** One UDP client: sends a request's bytes, answers the server's NOTIFYs, returns its final responses. */
  private static final class Peer implements AutoCloseable {

    private final DatagramSocket socket;
    private final String branchSuffix = Long.toString(System.nanoTime());

    Peer() throws Exception {
      socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
      socket.setSoTimeout(200);
    }

    String request(String method, String callId, String toTag, int cseq, String headers, String body) {
      int port = socket.getLocalPort();
      return method + " sip:rtx@127.0.0.1 SIP/2.0\r\n"
          + "Via: SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bK-" + method + cseq + "-" + branchSuffix + "\r\n"
          + "Max-Forwards: 70\r\n"
          + "From: <sip:watcher@127.0.0.1>;tag=w1\r\n"
          + "To: <sip:rtx@127.0.0.1>" + toTag + "\r\n"
          + "Call-ID: " + callId + "\r\n"
          + "CSeq: " + cseq + " " + method + "\r\n"
          + "Contact: <sip:watcher@127.0.0.1:" + port + ">\r\n"
          + headers
          + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    /** Sends {@code request} and collects the final responses that arrive within 1.5 s. */
    List<String> exchange(String request) throws Exception {
      byte[] bytes = request.getBytes(StandardCharsets.UTF_8);
      socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), SERVER.sipPort()));
      List<String> finals = new ArrayList<>();
      long end = System.nanoTime() + 1_500_000_000L;
      byte[] buffer = new byte[65_536];
      while (System.nanoTime() < end) {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
          socket.receive(packet);
        } catch (SocketTimeoutException e) {
          continue;
        }
        String message = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
        if (message.startsWith("NOTIFY")) {
          byte[] ok = RawSipPeer.responseTo(message, 200, "OK").getBytes(StandardCharsets.UTF_8);
          socket.send(new DatagramPacket(ok, ok.length, packet.getAddress(), packet.getPort()));
        } else if (message.startsWith("SIP/2.0 ") && !message.startsWith("SIP/2.0 1")) {
          finals.add(message);
        }
      }
      return finals;
    }

    @Override
    public void close() {
      socket.close();
    }
  }
}
