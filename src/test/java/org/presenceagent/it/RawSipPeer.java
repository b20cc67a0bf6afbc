package org.presenceagent.it;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A SIP peer made of raw sockets, for sending what no SIP library would (fuzzed messages) and many
 * requests without a client stack's own memory: one UDP socket and one TCP connection to the
 * server, each read by a thread that counts the final responses by status. Requests the server
 * sends to the UDP socket (NOTIFYs of subscriptions the traffic created) are answered with what
 * {@code notifyAnswer} returns, so that answers to NOTIFYs can be fuzzed too.
 */
final class RawSipPeer implements AutoCloseable {

  private final int serverPort;
  private final DatagramSocket udp;
  private final Map<Integer, AtomicLong> finalResponses = new ConcurrentHashMap<>();
  private final AtomicLong provisional = new AtomicLong();
  private final AtomicLong tcpReconnects = new AtomicLong();
  private final AtomicLong requestsReceived = new AtomicLong();
  private final List<String> serverErrors = new CopyOnWriteArrayList<>();
  private final Function<String, String> notifyAnswer;
  private final Thread udpReader;
  private volatile Socket tcp;
  private volatile boolean closed;

  /** @param notifyAnswer the response to send to a request from the server, {@code null} for none */
  RawSipPeer(int serverPort, Function<String, String> notifyAnswer) throws IOException {
    this.serverPort = serverPort;
    this.notifyAnswer = notifyAnswer;
    this.udp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    udp.setReceiveBufferSize(4 * 1024 * 1024);
    udpReader = new Thread(this::readUdp, "raw-sip-udp");
    udpReader.setDaemon(true);
    udpReader.start();
    connectTcp();
  }

  int udpPort() {
    return udp.getLocalPort();
  }

  int tcpPort() {
    Socket current = tcp;
    return current == null ? 0 : current.getLocalPort();
  }

  void sendUdp(byte[] message) throws IOException {
    udp.send(new DatagramPacket(message, message.length, InetAddress.getLoopbackAddress(), serverPort));
  }

  /** Sends over the TCP connection; a connection the server closed (it may, on garbage) is opened again. */
  void sendTcp(byte[] message) throws IOException {
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        OutputStream out = tcp.getOutputStream();
        out.write(message);
        out.flush();
        return;
      } catch (IOException e) {
        tcpReconnects.incrementAndGet();
        connectTcp();
      }
    }
  }

  /** Final responses received so far, by status. */
  Map<Integer, Long> finalResponses() {
    Map<Integer, Long> counts = new TreeMap<>();
    finalResponses.forEach((status, count) -> counts.put(status, count.get()));
    return counts;
  }

  long finalResponseCount() {
    return finalResponses.values().stream().mapToLong(AtomicLong::get).sum();
  }

  long tcpReconnects() {
    return tcpReconnects.get();
  }

  long requestsReceived() {
    return requestsReceived.get();
  }

  /** The server's own responses with a 5xx other than 503, their first 400 characters (at most 20 kept). */
  List<String> serverErrors() {
    return List.copyOf(serverErrors);
  }

  /**
   * A response to a request the server sent (RFC 3261 section 8.2.6.2: its Via, From, Call-ID and
   * CSeq, its To with a tag), without a body.
   */
  static String responseTo(String request, int status, String reason) {
    StringBuilder response = new StringBuilder("SIP/2.0 ").append(status).append(' ').append(reason).append("\r\n");
    for (String line : request.split("\r\n")) {
      int colon = line.indexOf(':');
      String name = colon > 0 ? line.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT) : "";
      switch (name) {
        case "via", "v", "from", "f", "call-id", "i", "cseq" -> response.append(line).append("\r\n");
        case "to", "t" -> response.append(line).append(line.contains("tag=") ? "" : ";tag=peer").append("\r\n");
        default -> { }
      }
    }
    return response.append("Content-Length: 0\r\n\r\n").toString();
  }

  private synchronized void connectTcp() throws IOException {
    Socket old = tcp;
    if (old != null) {
      old.close();
    }
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), serverPort);
    socket.setTcpNoDelay(true);
    tcp = socket;
    Thread reader = new Thread(() -> readTcp(socket), "raw-sip-tcp");
    reader.setDaemon(true);
    reader.start();
  }

  private void readUdp() {
    byte[] buffer = new byte[65536];
    while (!closed) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        udp.receive(packet);
        String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
        if (text.startsWith("SIP/2.0 ")) {
          count(text);
        } else {
          requestsReceived.incrementAndGet();
          String answer = notifyAnswer == null ? null : notifyAnswer.apply(text);
          if (answer != null) {
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            udp.send(new DatagramPacket(bytes, bytes.length, packet.getAddress(), packet.getPort()));
          }
        }
      } catch (IOException e) {
        if (closed) {
          return;
        }
      }
    }
  }

  private void readTcp(Socket socket) {
    try (InputStream in = new BufferedInputStream(socket.getInputStream())) {
      while (!closed) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        skip(in, contentLength(head));
        if (head.startsWith("SIP/2.0 ")) {
          count(head);
        } else {
          requestsReceived.incrementAndGet();
        }
      }
    } catch (SocketException e) {
      // closed by the server or by us
    } catch (IOException e) {
      // the next send reconnects
    }
  }

  private void count(String response) {
    int status;
    try {
      status = Integer.parseInt(response.substring(8, 11));
    } catch (RuntimeException e) {
      return;
    }
    if (status < 200) {
      provisional.incrementAndGet();
      return;
    }
    finalResponses.computeIfAbsent(status, key -> new AtomicLong()).incrementAndGet();
    if (isServerError(status, response) && serverErrors.size() < 20) {
      serverErrors.add(response.length() > 400 ? response.substring(0, 400) : response);
    }
  }

  /**
   * A 5xx the server made, other than 503 (overload) and the 500 that RFC 3261 prescribes for a
   * CSeq lower than the last one (sections 10.3 step 7 and 12.2.2); a relayed MESSAGE answer from
   * the fuzzing peer itself says "Fuzz".
   */
  private static boolean isServerError(int status, String response) {
    return status >= 500 && status < 600 && status != 503 && !response.startsWith(" Fuzz", 11)
        && !response.startsWith(" CSeq Out of Order", 11);
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    int next;
    while ((next = in.read()) >= 0) {
      head.write(next);
      matched = (next == '\r' && (matched == 0 || matched == 2)) || (next == '\n' && (matched == 1 || matched == 3))
          ? matched + 1 : 0;
      if (matched == 4) {
        String text = head.toString(StandardCharsets.UTF_8).stripLeading();
        if (!text.isEmpty()) {
          return text;
        }
        head.reset(); // keep-alive CRLFs (RFC 5626 section 3.5.1)
        matched = 0;
      }
    }
    return null;
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        String name = line.substring(0, colon).trim();
        if (name.equalsIgnoreCase("Content-Length") || name.equals("l")) {
          try {
            return Integer.parseInt(line.substring(colon + 1).trim());
          } catch (NumberFormatException e) {
            return 0;
          }
        }
      }
    }
    return 0;
  }

  private static void skip(InputStream in, int length) throws IOException {
    for (int skipped = 0; skipped < length; skipped++) {
      if (in.read() < 0) {
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    udp.close();
    Socket current = tcp;
    if (current != null) {
      current.close();
    }
  }
}
