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
import java.util.concurrent.TimeUnit;
import javax.sip.message.Request;
import org.awaitility.Awaitility;
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
  void aBadParameterStopsStartUpWithAClearMessage() throws Exception {
    Result result = run("--sip-port", Integer.toString(FreePorts.find()), "--http-port", Integer.toString(FreePorts.find()),
        "--data-dir", dataDir.toString(), "--param", "default_expires=-5");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.output()).contains("invalid parameter default_expires=-5: must be an integer between 1 and");
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
