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
 * Sends many PUBLISH or SUBSCRIBE requests at once from one UDP socket and collects their final
 * responses, retransmitting the unanswered ones as a SIP client does (RFC 3261 Timer E, 500 ms
 * doubling up to 4 s): a load generator whose only state is a map of Call-IDs, so it never loses an
 * answer itself. As the watchers of its SUBSCRIBEs it answers every NOTIFY with 200 and keeps the
 * last body each dialog received.
 */
final class UdpBurst implements AutoCloseable {

  private final DatagramSocket socket;
  private final byte[] buffer = new byte[65536];
  private final int serverPort;
  private final Map<String, String> unanswered = new LinkedHashMap<>();
  private final Map<String, String> finalResponses = new LinkedHashMap<>();
  /** The body of the last NOTIFY of each subscription, by Call-ID (the highest CSeq wins). */
  private final Map<String, String> lastNotify = new LinkedHashMap<>();
  private final Map<String, Long> lastNotifyCseq = new LinkedHashMap<>();
  /** With {@link #retryingRefused()}: refused requests sent again as new requests at this time, by Call-ID. */
  private final Map<String, Long> retryAt = new LinkedHashMap<>();
  private boolean retryRefused;
  private int refusals;

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

  /**
   * Makes the burst behave as phones do after a 503 with Retry-After (RFC 3261 section 21.5.4):
   * the refused request is sent again as a new request (new branch, next CSeq) once the time given
   * has passed, instead of counting as answered.
   */
  UdpBurst retryingRefused() {
    retryRefused = true;
    return this;
  }

  /** How many 503 refusals were retried (with {@link #retryingRefused()}). */
  int refusals() {
    return refusals;
  }

  /** Sends {@code count} initial SUBSCRIBEs to one presentity, each from its own watcher, back to back. */
  void subscribeTo(String presentity, int count) throws Exception {
    for (int i = 0; i < count; i++) {
      String watcher = "sip:w" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
      String callId = UUID.randomUUID() + "@burst";
      String message = requestStart("SUBSCRIBE", presentity, "<" + watcher + ">;tag=w" + i, callId)
          + "Contact: <sip:w" + i + "@127.0.0.1:" + socket.getLocalPort() + ">\r\n"
          + "Accept: application/pidf+xml\r\n"
          + "Expires: 600\r\n"
          + "Content-Length: 0\r\n\r\n";
      unanswered.put(callId, message);
      send(message);
    }
  }

  /** The request line and the headers every request of the burst has, for event presence. */
  private String requestStart(String method, String presentity, String from, String callId) {
    return method + " " + presentity + " SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:" + socket.getLocalPort() + ";branch=z9hG4bK-" + UUID.randomUUID() + "\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: " + from + "\r\n"
        + "To: <" + presentity + ">\r\n"
        + "Call-ID: " + callId + "\r\n"
        + "CSeq: 1 " + method + "\r\n"
        + "Event: presence\r\n";
  }

  private void publishOne(String presentity, int i) throws Exception {
    String callId = UUID.randomUUID() + "@burst";
    String body = new String(Pidf.open(presentity, "t" + i, "burst"), StandardCharsets.UTF_8);
    String message = requestStart("PUBLISH", presentity, "<" + presentity + ">;tag=b" + i, callId)
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
    while (!unanswered.isEmpty() && System.currentTimeMillis() < deadline) {
      String response = receiveResponse(Math.max(1, Math.min(100, nextRetransmission - System.currentTimeMillis())));
      if (response != null) {
        String callId = header(response, "Call-ID");
        if (retryRefused && response.startsWith("SIP/2.0 503") && unanswered.containsKey(callId)
            && !retryAt.containsKey(callId)) {
          refusals++;
          String seconds = header(response, "Retry-After").split("[ ;(]")[0];
          retryAt.put(callId, System.currentTimeMillis() + 1000L * Integer.parseInt(seconds.isEmpty() ? "1" : seconds));
          unanswered.put(callId, asNewRequest(unanswered.get(callId)));
        } else if (!response.startsWith("SIP/2.0 1") && unanswered.remove(callId) != null) {
          // A retransmission sent before the 503 arrived may have been admitted: its answer ends the wait too.
          retryAt.remove(callId);
          finalResponses.put(callId, response);
        }
      }
      long now = System.currentTimeMillis();
      for (var due = retryAt.entrySet().iterator(); due.hasNext();) {
        var entry = due.next();
        if (entry.getValue() <= now) {
          due.remove();
          send(unanswered.get(entry.getKey()));
        }
      }
      if (now >= nextRetransmission) {
        for (Map.Entry<String, String> message : unanswered.entrySet()) {
          if (!retryAt.containsKey(message.getKey())) {
            send(message.getValue());
          }
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

  /**
   * Answers NOTIFYs for up to {@code timeoutMillis}, until every subscription's last NOTIFY body
   * contains {@code text}.
   *
   * @return the subscriptions (by Call-ID) whose last NOTIFY does not contain it
   */
  java.util.Set<String> awaitLastNotifyContaining(java.util.Collection<String> callIds, String text, long timeoutMillis)
      throws Exception {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    java.util.Set<String> missing = missing(callIds, text);
    while (!missing.isEmpty() && System.currentTimeMillis() < deadline) {
      receiveResponse(100);
      missing = missing(callIds, text);
    }
    return missing;
  }

  /**
   * Receives one datagram within {@code waitMillis}: a request (a NOTIFY) is answered here.
   *
   * @return the response received, or null when a request or nothing came
   */
  private String receiveResponse(long waitMillis) throws Exception {
    socket.setSoTimeout((int) waitMillis);
    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
    try {
      socket.receive(packet);
    } catch (SocketTimeoutException e) {
      return null;
    }
    String message = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
    if (message.startsWith("SIP/2.0 ")) {
      return message;
    }
    answer(message);
    return null;
  }

  private java.util.Set<String> missing(java.util.Collection<String> callIds, String text) {
    java.util.Set<String> missing = new java.util.TreeSet<>();
    for (String callId : callIds) {
      String body = lastNotify.get(callId);
      if (body == null || !body.contains(text)) {
        missing.add(callId);
      }
    }
    return missing;
  }

  /** The same request as a new transaction: a fresh Via branch and the next CSeq number. */
  private static String asNewRequest(String request) {
    String cseq = header(request, "CSeq");
    String[] parts = cseq.split(" ");
    return request.replaceFirst(";branch=z9hG4bK-[^\\r;]*", ";branch=z9hG4bK-" + UUID.randomUUID())
        .replace("CSeq: " + cseq + "\r\n", "CSeq: " + (Long.parseLong(parts[0]) + 1) + " " + parts[1] + "\r\n");
  }

  /** Answers a NOTIFY (or any request) with 200 and keeps a NOTIFY's body if it is the dialog's newest. */
  private void answer(String request) throws Exception {
    String callId = header(request, "Call-ID");
    String cseq = header(request, "CSeq");
    if (request.startsWith("NOTIFY ")) {
      long number = Long.parseLong(cseq.split(" ")[0]);
      if (number > lastNotifyCseq.getOrDefault(callId, -1L)) {
        lastNotifyCseq.put(callId, number);
        int bodyStart = request.indexOf("\r\n\r\n");
        lastNotify.put(callId, bodyStart < 0 ? "" : request.substring(bodyStart + 4));
      }
    }
    StringBuilder response = new StringBuilder("SIP/2.0 200 OK\r\n");
    for (String line : request.split("\r\n")) {
      String lower = line.toLowerCase(java.util.Locale.ROOT);
      if (lower.startsWith("via:") || lower.startsWith("v:")) {
        response.append(line).append("\r\n");
      }
    }
    response.append("From: ").append(header(request, "From")).append("\r\n")
        .append("To: ").append(header(request, "To")).append("\r\n")
        .append("Call-ID: ").append(callId).append("\r\n")
        .append("CSeq: ").append(cseq).append("\r\n")
        .append("Content-Length: 0\r\n\r\n");
    send(response.toString());
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
