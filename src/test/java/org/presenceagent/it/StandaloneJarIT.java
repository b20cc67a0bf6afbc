package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged standalone server, as a user runs it: {@code java -jar target/presence-agent.jar}
 * with the documented command line, in its own process.
 */
class StandaloneJarIT {

  private static final Path JAR = Path.of("target", "presence-agent.jar");

  @TempDir
  Path dataDir;

  @Test
  void clusterModeOnTheEmbeddedDatabaseStopsStartUpSayingWhatItNeeds() throws Exception {
    Result result = run("--sip-port", Integer.toString(FreePorts.find()), "--http-port", Integer.toString(FreePorts.find()),
        "--data-dir", dataDir.toString(), "--param", "cluster=1");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.output()).contains("invalid parameter cluster=1: needs a shared PostgreSQL database, db_url=jdbc:postgresql:");
  }

  @Test
  void aBadParameterStopsStartUpWithAClearMessage() throws Exception {
    Result result = run("--sip-port", Integer.toString(FreePorts.find()), "--http-port", Integer.toString(FreePorts.find()),
        "--data-dir", dataDir.toString(), "--param", "default_expires=-5");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.output()).contains("invalid parameter default_expires=-5: must be an integer between 1 and");
  }

  /**
   * Protected mode: on an address other than loopback, without digest users or trusted proxies, the
   * server refuses to start (exit 2) and says what to set. Skipped on a machine with no such address.
   */
  @Test
  void aNonLoopbackBindWithoutAuthenticationIsRefused() throws Exception {
    Optional<String> address = nonLoopbackAddress();
    Assumptions.assumeTrue(address.isPresent(), "this machine has no non-loopback IPv4 address");

    Result result = run("--bind", address.get(), "--sip-port", Integer.toString(FreePorts.find()),
        "--http-port", Integer.toString(FreePorts.find()), "--data-dir", dataDir.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.output()).contains("refusing to listen on " + address.get() + " without authentication")
        .contains("digest_auth=1").contains("trusted_proxies").contains("protected_mode=0")
        .doesNotContain("is ready");
  }

  private static Optional<String> nonLoopbackAddress() throws Exception {
    return java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
        .filter(networkInterface -> {
          try {
            return networkInterface.isUp() && !networkInterface.isLoopback();
          } catch (java.net.SocketException e) {
            return false;
          }
        })
        .flatMap(networkInterface -> java.util.Collections.list(networkInterface.getInetAddresses()).stream())
        .filter(candidate -> candidate instanceof java.net.Inet4Address && !candidate.isLoopbackAddress())
        .map(InetAddress::getHostAddress)
        .findFirst();
  }

  @Test
  void anUnknownOptionPrintsUsage() throws Exception {
    Result result = run("--port", "5060");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.output()).contains("unknown option: --port").contains("usage: java -jar presence-agent.jar");
  }

  @Test
  void aTakenPortStopsStartUpWithAClearMessage() throws Exception {
    try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      Result result = run("--sip-port", Integer.toString(taken.getLocalPort()),
          "--http-port", Integer.toString(FreePorts.find()), "--data-dir", dataDir.toString());

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.output()).contains("SIP/UDP port 127.0.0.1:" + taken.getLocalPort() + " is not available");
    }
  }

  @Test
  void startsServesAndStopsCleanlyOnSigterm() throws Exception {
    int sipPort = FreePorts.find();
    Path log = dataDir.resolve("server.log");
    Process server = start(log, "--sip-port", Integer.toString(sipPort), "--http-port", Integer.toString(FreePorts.find()),
        "--data-dir", dataDir.resolve("data").toString(), "--param", "auth=none");
    try {
      Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
          .until(() -> Files.readString(log).contains("is ready") || !server.isAlive());
      assertThat(Files.readString(log)).contains("Presence Agent").contains("sip:127.0.0.1:" + sipPort + " (UDP and TCP)");
      for (String transport : List.of("udp", "tcp")) {
        try (SipTestClient client = new SipTestClient(transport, sipPort)) {
          assertThat(client.call(client.newRequest(Request.OPTIONS, "sip:probe@example.com", "sip:pa@example.com", 1))
              .getStatusCode()).isEqualTo(200);
        }
      }
      server.destroy(); // SIGTERM

      assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s of SIGTERM").isTrue();
      assertThat(Files.readString(log)).contains("Presence Agent stopped");
    } finally {
      server.destroyForcibly();
    }
  }

  /**
   * A stop under load (issue 13): requests arriving while the server stops get 503 with
   * Retry-After or their normal answer, the requests already started are finished, nothing is
   * logged as an error, and the process ends cleanly.
   */
  @Test
  void stoppingUnderLoadAnswersOr503sEveryRequestAndLogsNoError() throws Exception {
    int sipPort = FreePorts.find();
    Path log = dataDir.resolve("stop-under-load.log");
    Process server = startAndWait(log, "--sip-port", Integer.toString(sipPort), "--http-port",
        Integer.toString(FreePorts.find()), "--data-dir", dataDir.resolve("stop-data").toString(), "--param", "auth=none",
        "--param", "domains=example.com");
    try {
      java.util.Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
      try (UdpBurst burst = new UdpBurst(sipPort)) {
        burst.publish(200, "before");
        server.destroy(); // SIGTERM while 200 PUBLISHes are on their way
        for (int round = 0; round < 10 && server.isAlive(); round++) {
          burst.publish(50, "during" + round);
          Thread.sleep(50);
        }
        byStatus = burst.collect(3_000);
      }

      assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s of SIGTERM").isTrue();
      String output = Files.readString(log);
      assertThat(output).contains("Presence Agent stopped").doesNotContain("ERROR").doesNotContain("Exception");
      byStatus.remove(0); // sent after the process had closed its socket: nobody to answer
      assertThat(byStatus.keySet()).as("answers while stopping: %s", byStatus).isSubsetOf(200, 503);
    } finally {
      server.destroyForcibly();
    }
  }

  /**
   * The failover promise of the seed ({@code use_db=1}): after {@code kill -9} and a restart on
   * the same ports and data directory, a watcher that stayed up keeps getting NOTIFYs in its
   * dialog (same Call-ID and tags, higher CSeq), and its re-SUBSCRIBE lands in the restored
   * subscription, and its un-SUBSCRIBE ends it.
   */
  @Test
  void subscriptionsAndTheirDialogsSurviveKillMinus9() throws Exception {
    int sipPort = FreePorts.find();
    int httpPort = FreePorts.find();
    Path data = dataDir.resolve("data");
    String[] args = {"--sip-port", Integer.toString(sipPort), "--http-port", Integer.toString(httpPort),
        "--data-dir", data.toString(), "--param", "auth=none", "--param", "domains=example.com"};
    String alice = TestAors.unique("alice");
    try (SipTestClient watcher = new SipTestClient("udp", sipPort);
        SipTestClient phone = new SipTestClient("udp", sipPort)) {
      Process first = startAndWait(dataDir.resolve("first.log"), args);
      SubscriptionDialog dialog;
      long lastCseq;
      try {
        dialog = SubscriptionDialog.subscribe(watcher, TestAors.unique("watcher"), alice, 600).dialog();
        Notifies.next(watcher);
        new Publisher(phone).publish(alice, 600, null, Pidf.open(alice, "t", "before the crash"));
        Request beforeCrash = Notifies.next(watcher);
        assertThat(Notifies.body(beforeCrash)).contains("before the crash");
        lastCseq = cseq(beforeCrash);
      } finally {
        first.destroyForcibly(); // SIGKILL: no clean shutdown, nothing flushed on the way out
        first.waitFor(30, TimeUnit.SECONDS);
      }

      Process second = startAndWait(dataDir.resolve("second.log"), args);
      try {
        new Publisher(phone).publish(alice, 600, null, Pidf.open(alice, "t2", "after the restart"));
        Request afterRestart = Notifies.next(watcher);
        assertThat(Notifies.body(afterRestart)).contains("after the restart");
        assertThat(callId(afterRestart)).isEqualTo(dialog.callId());
        assertThat(fromTag(afterRestart)).isEqualTo(dialog.toTag());
        assertThat(cseq(afterRestart)).isGreaterThan(lastCseq);
        long restoredCseq = cseq(afterRestart);

        Response refreshed = dialog.refresh(600);
        assertThat(refreshed.getStatusCode()).as("re-SUBSCRIBE lands in the restored subscription").isEqualTo(200);
        Request afterRefresh = Notifies.next(watcher);
        assertThat(cseq(afterRefresh)).isGreaterThan(restoredCseq);
        assertThat(Notifies.state(afterRefresh)).startsWith("active;expires=");

        assertThat(dialog.refresh(0).getStatusCode()).as("un-SUBSCRIBE ends the restored subscription").isEqualTo(200);
        Request last = Notifies.next(watcher);
        assertThat(Notifies.state(last)).isEqualTo("terminated;reason=timeout");
        assertThat(cseq(last)).isGreaterThan(cseq(afterRefresh));
        assertThat(dialog.refresh(600).getStatusCode()).as("and it is gone").isEqualTo(481);
      } finally {
        second.destroy();
        second.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  private Process startAndWait(Path log, String... args) throws IOException {
    Process server = start(log, args);
    Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
        .until(() -> Files.exists(log) && Files.readString(log).contains("is ready") || !server.isAlive());
    assertThat(server.isAlive()).as("server started (see %s)", log).isTrue();
    return server;
  }

  private static long cseq(Request request) {
    return ((javax.sip.header.CSeqHeader) request.getHeader(javax.sip.header.CSeqHeader.NAME)).getSeqNumber();
  }

  private static String callId(Request request) {
    return ((javax.sip.header.CallIdHeader) request.getHeader(javax.sip.header.CallIdHeader.NAME)).getCallId();
  }

  private static String fromTag(Request request) {
    return ((javax.sip.header.FromHeader) request.getHeader(javax.sip.header.FromHeader.NAME)).getTag();
  }

  private Process start(Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private Result run(String... args) throws Exception {
    Path log = Files.createTempFile(dataDir, "run", ".log");
    Process process = start(log, args);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private record Result(int exitCode, String output) {}
}
