package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * One node of the scale-out tests: the standalone jar as a process of its own with {@code cluster=1}
 * on a {@link TemporaryPostgres}, on free loopback ports, its output in {@code <work>/<name>.log}.
 */
record ClusterJarNode(String name, Process process, int sipPort, int httpPort, Path log) {

  private static final Path JAR = Path.of("target", "presence-agent.jar");

  /** Starts a node; {@code params} are further {@code name=value} parameters. */
  static ClusterJarNode start(String name, Path work, TemporaryPostgres postgres, int leaseSeconds, String... params)
      throws IOException {
    int sipPort = FreePorts.find();
    int httpPort = FreePorts.find();
    Path log = work.resolve(name + ".log");
    List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-jar", JAR.toString(), "--bind", "127.0.0.1",
        "--sip-port", Integer.toString(sipPort), "--http-port", Integer.toString(httpPort),
        "--data-dir", work.resolve(name).toString(), "--db-url", postgres.jdbcUrl(),
        "--param", "db_user=" + TemporaryPostgres.USER, "--param", "db_password=" + postgres.password(),
        "--param", "cluster=1", "--param", "node_id=" + name, "--param", "cluster_lease=" + leaseSeconds,
        "--param", "auth=none", "--param", "min_expires=1", "--param", "domains=" + PresenceServerExtension.TEST_DOMAINS));
    for (String param : params) {
      command.addAll(List.of("--param", param));
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new ClusterJarNode(name, process, sipPort, httpPort, log);
  }

  /** Waits until the node logs that it is ready; fails with its log if it died instead. */
  void awaitReady() throws IOException {
    Awaitility.await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200))
        .until(() -> Files.readString(log).contains("is ready") || !process.isAlive());
    assertThat(process.isAlive()).as("%s log:%n%s", name, Files.readString(log)).isTrue();
  }

  /** Sends a signal (STOP, CONT, KILL) to the node's process. */
  void signal(String signal) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
    assertThat(kill.waitFor()).as("kill -%s %s", signal, name).isZero();
  }

  /**
   * The end of a cluster test: stops the processes (nodes, balancer; a clean stop first, forcibly
   * after 30 s), then the database, and deletes the work directory. Null arguments were never started.
   */
  static void stopAll(List<Process> processes, TemporaryPostgres postgres, Path work) throws Exception {
    for (Process process : processes) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
    if (postgres != null) {
      postgres.close();
    }
    if (work != null) {
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
