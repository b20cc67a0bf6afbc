package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the balancer ({@code kamailio/dispatcher.cfg}) treats a node's {@code 503}: a node that refuses
 * for overload is busy, not dead, so its refusal goes back to the client as a 503 with the node's
 * Retry-After (Kamailio would otherwise turn a relayed 503 into a 500 without one, RFC 3261 section
 * 16.7), the request is not pushed onto the other nodes, and the node stays in service; a node that
 * is stopping is skipped and the next node serves the request. The nodes here are stand-ins on
 * loopback that answer as a presence node does in those two states (a real node cannot be held
 * in either on demand); Kamailio is the real one.
 */
class DispatcherRefusalsIT {

  private Path work;
  private Process balancer;
  private StandInNode first;
  private StandInNode second;

  @BeforeEach
  void createWorkDir() throws IOException {
    work = Files.createTempDirectory("presence-dispatcher-refusals");
  }

  @AfterEach
  void stopEverything() throws Exception {
    if (balancer != null) {
      balancer.destroy();
      if (!balancer.waitFor(30, TimeUnit.SECONDS)) {
        balancer.destroyForcibly();
      }
    }
    for (StandInNode node : new StandInNode[] {first, second}) {
      if (node != null) {
        node.close();
      }
    }
    try (Stream<Path> files = Files.walk(work)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  @Test
  void anOverloadedNodesRefusalReachesTheClientWithItsRetryAfterAndTheNodeStaysInService() throws Exception {
    first = new StandInNode("503 Service Unavailable (overloaded)");
    second = new StandInNode("503 Service Unavailable (overloaded)");
    int port = startBalancer();

    try (DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      for (int attempt = 1; attempt <= 3; attempt++) {
        String response = subscribe(client, port, "sip:alice@example.com");
        assertThat(response).startsWith("SIP/2.0 503 Service Unavailable (overloaded)");
        assertThat(UdpBurst.header(response, "Retry-After")).isEqualTo("7");
        assertThat(first.subscribes.get() + second.subscribes.get())
            .as("each refused SUBSCRIBE went to one node only, and that node is still chosen").isEqualTo(attempt);
      }
      assertThat(Math.max(first.subscribes.get(), second.subscribes.get())).as("always the presentity's node").isEqualTo(3);
    }
  }

  @Test
  void aStoppingNodeIsSkippedAndTheNextNodeServes() throws Exception {
    first = new StandInNode("503 Service Unavailable (stopping)");
    second = new StandInNode("503 Service Unavailable (stopping)");
    int port = startBalancer();
    StandInNode stopping = first;
    try (DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      // Whichever node the presentity hashes to, make it the stopping one and the other the server.
      subscribe(client, port, "sip:bob@example.com");
      stopping = first.subscribes.get() > 0 ? first : second;
      StandInNode serving = stopping == first ? second : first;
      serving.answer = "202 Accepted";
      stopping.subscribes.set(0);
      serving.subscribes.set(0);
      Thread.sleep(4500); // the stopping node was marked inactive: let the probes bring it back first

      String response = subscribe(client, port, "sip:bob@example.com");

      assertThat(response).startsWith("SIP/2.0 202");
      assertThat(serving.subscribes.get()).isEqualTo(1);
    }
  }

  private int startBalancer() throws Exception {
    DispatcherIT.requireInstalled("kamailio", "kamailio");
    int port = FreePorts.find();
    Path log = KamailioBalancer.log(work);
    balancer = KamailioBalancer.start(work, List.of(first.port(), second.port()), port);
    try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
        assertThat(balancer.isAlive()).as("kamailio log:%n%s", Files.readString(log)).isTrue();
        assertThat(request(probe, port, "OPTIONS", "sip:probe@example.com")).startsWith("SIP/2.0 200");
      });
    }
    return port;
  }

  private static String subscribe(DatagramSocket client, int port, String presentity) throws IOException {
    return request(client, port, "SUBSCRIBE", presentity);
  }

  /** Sends one request through the balancer and returns its final response ("" when none came in 5 s). */
  private static String request(DatagramSocket client, int port, String method, String uri) throws IOException {
    String callId = UUID.randomUUID().toString();
    String request = method + " " + uri + " SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:" + client.getLocalPort() + ";rport;branch=z9hG4bK" + UUID.randomUUID() + "\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: <sip:watcher@example.com>;tag=w\r\n"
        + "To: <" + uri + ">\r\n"
        + "Call-ID: " + callId + "\r\n"
        + "CSeq: 1 " + method + "\r\n"
        + "Contact: <sip:watcher@127.0.0.1:" + client.getLocalPort() + ">\r\n"
        + (method.equals("SUBSCRIBE") ? "Event: presence\r\nExpires: 60\r\n" : "")
        + "Content-Length: 0\r\n\r\n";
    byte[] bytes = request.getBytes(StandardCharsets.UTF_8);
    client.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
    long deadline = System.currentTimeMillis() + 5000;
    byte[] buffer = new byte[65536];
    while (System.currentTimeMillis() < deadline) {
      client.setSoTimeout((int) Math.max(1, deadline - System.currentTimeMillis()));
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        client.receive(packet);
      } catch (SocketTimeoutException e) {
        break;
      }
      String response = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
      if (response.startsWith("SIP/2.0 ") && !response.startsWith("SIP/2.0 1")
          && callId.equals(UdpBurst.header(response, "Call-ID"))) {
        return response;
      }
    }
    return "";
  }

  /** A node of the set that answers OPTIONS with 200 and SUBSCRIBE with {@link #answer}, Retry-After 7 on a 503. */
  private static final class StandInNode implements AutoCloseable {
    private final DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    private final AtomicInteger subscribes = new AtomicInteger();
    private final Thread thread = new Thread(this::serve, "stand-in-node");
    private volatile String answer;

    StandInNode(String answer) throws IOException {
      this.answer = answer;
      thread.setDaemon(true);
      thread.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    private void serve() {
      byte[] buffer = new byte[65536];
      while (!socket.isClosed()) {
        try {
          DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
          socket.receive(packet);
          String request = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
          if (request.startsWith("SIP/2.0 ") || request.startsWith("ACK ")) {
            continue;
          }
          String status = "200 OK";
          if (request.startsWith("SUBSCRIBE ")) {
            subscribes.incrementAndGet();
            status = answer;
          }
          byte[] response = response(request, status).getBytes(StandardCharsets.UTF_8);
          socket.send(new DatagramPacket(response, response.length, packet.getAddress(), packet.getPort()));
        } catch (IOException e) {
          return;
        }
      }
    }

    private static String response(String request, String status) {
      StringBuilder response = new StringBuilder("SIP/2.0 ").append(status).append("\r\n");
      for (String line : request.split("\r\n")) {
        String lower = line.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("via:") || lower.startsWith("from:") || lower.startsWith("call-id:")
            || lower.startsWith("cseq:") || lower.startsWith("record-route:")) {
          response.append(line).append("\r\n");
        } else if (lower.startsWith("to:")) {
          response.append(line).append(";tag=node").append("\r\n");
        }
      }
      if (status.startsWith("503")) {
        response.append("Retry-After: 7\r\n");
      }
      if (status.startsWith("2") && request.startsWith("SUBSCRIBE ")) {
        response.append("Expires: 60\r\nContact: <sip:node@127.0.0.1>\r\n");
      }
      return response.append("Content-Length: 0\r\n\r\n").toString();
    }

    @Override
    public void close() throws InterruptedException {
      socket.close();
      thread.join(5000);
    }
  }
}
