package org.presenceagent.it;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Sends many PUBLISH requests at once from one UDP socket and collects their final responses,
 * retransmitting the unanswered ones as a SIP client does (RFC 3261 Timer E, 500 ms doubling up to
 * 4 s): a load generator whose only state is a map of Call-IDs, so it never loses an answer itself.
 */
final class UdpBurst implements AutoCloseable {

  private final DatagramSocket socket;
  private final int serverPort;
  private final Map<String, String> unanswered = new LinkedHashMap<>();
  private final Map<String, String> finalResponses = new LinkedHashMap<>();

  UdpBurst(int serverPort) throws Exception {
    this.serverPort = serverPort;
    this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    socket.setReceiveBufferSize(4 * 1024 * 1024);
  }

  /** Sends {@code count} initial PUBLISHes (one presentity each) back to back. */
  void publish(int count, String prefix) throws Exception {
    for (int i = 0; i < count; i++) {
      publishOne("sip:" + prefix + i + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com", i);
    }
  }

  /** Sends {@code count} initial PUBLISHes for the same presentity (as many devices) back to back. */
  void publishTo(String presentity, int count) throws Exception {
    for (int i = 0; i < count; i++) {
      publishOne(presentity, i);
    }
  }

  private void publishOne(String presentity, int i) throws Exception {
    String callId = UUID.randomUUID() + "@burst";
    String body = new String(Pidf.open(presentity, "t" + i, "burst"), StandardCharsets.UTF_8);
    String message = "PUBLISH " + presentity + " SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:" + socket.getLocalPort() + ";branch=z9hG4bK-" + UUID.randomUUID() + "\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: <" + presentity + ">;tag=b" + i + "\r\n"
        + "To: <" + presentity + ">\r\n"
        + "Call-ID: " + callId + "\r\n"
        + "CSeq: 1 PUBLISH\r\n"
        + "Event: presence\r\n"
        + "Expires: 600\r\n"
        + "Content-Type: application/pidf+xml\r\n"
        + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    unanswered.put(callId, message);
    send(message);
  }

  /**
   * Waits for every final response, retransmitting as a client would.
   *
   * @return the count of final responses by status; requests still unanswered at the end under 0
   */
  Map<Integer, Integer> collect(long timeoutMillis) throws Exception {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    long interval = 500;
    long nextRetransmission = System.currentTimeMillis() + interval;
    byte[] buffer = new byte[65536];
    while (!unanswered.isEmpty() && System.currentTimeMillis() < deadline) {
      socket.setSoTimeout((int) Math.max(1, Math.min(100, nextRetransmission - System.currentTimeMillis())));
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
        String response = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
        String callId = header(response, "Call-ID");
        if (!response.startsWith("SIP/2.0 1") && unanswered.remove(callId) != null) {
          finalResponses.put(callId, response);
        }
      } catch (SocketTimeoutException e) {
        // time to retransmit?
      }
      if (System.currentTimeMillis() >= nextRetransmission) {
        for (String message : unanswered.values()) {
          send(message);
        }
        interval = Math.min(interval * 2, 4000);
        nextRetransmission = System.currentTimeMillis() + interval;
      }
    }
    Map<Integer, Integer> byStatus = new TreeMap<>();
    finalResponses.values().forEach(response -> byStatus.merge(Integer.parseInt(response.substring(8, 11)), 1, Integer::sum));
    if (!unanswered.isEmpty()) {
      byStatus.put(0, unanswered.size());
    }
    return byStatus;
  }

  /** The final responses received, by Call-ID. */
  Map<String, String> responses() {
    return finalResponses;
  }

  static String header(String message, String name) {
    for (String line : message.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
        return line.substring(colon + 1).trim();
      }
    }
    return "";
  }

  private void send(String message) throws Exception {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), serverPort));
  }

  @Override
  public void close() {
    socket.close();
  }
}
