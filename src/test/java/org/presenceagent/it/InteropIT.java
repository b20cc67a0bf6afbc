package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Real soft clients from Debian through the packaged server (issue 18): for baresip 1.0.0 and
 * linphonec 5.1, over UDP and over TCP, three rounds in a row, two fresh users register, publish
 * and subscribe to each other, see each other online, go offline one after the other and are seen
 * offline, and are never answered 3xx-6xx. {@code src/test/interop/run-interop.sh} drives the
 * clients and the jar (see {@code src/test/interop/README.md}); each test runs it for one client,
 * with the server on free ports, and keeps its configurations and logs in
 * {@code target/interop/<client>-<time>/}.
 *
 * <p>Part of the README's test command. A client (or a tool the script needs: curl, ss) that is not
 * installed skips its test, naming the package to install, except under CI (environment variable
 * {@code CI} set, and not {@code false}), where it fails: {@code .ci/run} installs them, so a CI
 * run never passes without having run the clients.
 */
class InteropIT {

  private static final Path SCRIPT = Path.of("src", "test", "interop", "run-interop.sh");
  private static final Path JAR = Path.of("target", "presence-agent.jar");
  /** The script's exit status when a client or a tool it needs is not installed. */
  private static final int NOT_INSTALLED = 3;
  private static final int ROUNDS = 3;
  /** The script bounds each of its waits; this bounds the whole run, rounds and server start. */
  private static final long TIMEOUT_S = 600;

  @Test
  void baresipUsersSeeEachOtherOverUdpAndTcp() throws Exception {
    run("baresip", 27100);
  }

  @Test
  void linphoneUsersSeeEachOtherOverUdpAndTcp() throws Exception {
    run("linphone", 27600);
  }

  /**
   * The same with digest_auth=1 (docs/security.md): the users are added through the admin API
   * with passwords, the clients are configured with them and answer every challenge (REGISTER,
   * PUBLISH, SUBSCRIBE), and nothing but those 401 challenges is answered 3xx-6xx. One round.
   */
  @Test
  void baresipUsersWithPasswordsAuthenticateByDigest() throws Exception {
    run("baresip", 28100, true);
  }

  @Test
  void linphoneUsersWithPasswordsAuthenticateByDigest() throws Exception {
    run("linphone", 28600, true);
  }

  private static void run(String client, int portBase) throws Exception {
    run(client, portBase, false);
  }

  /** The script for one client; UA ports come from portBase on (below the ephemeral ports). */
  private static void run(String client, int portBase, boolean digest) throws Exception {
    int rounds = digest ? 1 : ROUNDS;
    assertThat(JAR).as("built by the package phase").exists();
    Path work = Files.createDirectories(Path.of("target", "interop",
        client + (digest ? "-digest-" : "-") + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
    Path log = work.resolve("run.log");
    ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString(), JAR.toString(),
        Integer.toString(FreePorts.find()), Integer.toString(FreePorts.find()), Integer.toString(rounds))
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("INTEROP_CLIENTS", client);
    builder.environment().put("INTEROP_DIGEST", digest ? "1" : "0");
    builder.environment().put("INTEROP_PORT_BASE", Integer.toString(portBase));
    builder.environment().put("INTEROP_WORK", work.toAbsolutePath().toString());
    builder.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Process script = builder.start();
    boolean finished = script.waitFor(TIMEOUT_S, TimeUnit.SECONDS);
    if (!finished) {
      stop(script);
    }
    String output = Files.readString(log);
    System.out.println("---- " + SCRIPT + " (" + client + ")\n" + output);
    assertThat(finished).as("%s finished within %d s:%n%s", SCRIPT, TIMEOUT_S, output).isTrue();
    if (script.exitValue() == NOT_INSTALLED) {
      notInstalled(client, output);
    }
    assertThat(script.exitValue()).as("%s %s, logs in %s:%n%s", SCRIPT, client, work, output).isZero();
    assertThat(output).containsPattern("(?m)^" + 2 * rounds + " passed, 0 failed$"); // two transports
  }

  /** Skips the test, or fails it under CI, where the client must have been installed. */
  private static void notInstalled(String client, String output) {
    String ci = System.getenv("CI");
    String message = "the " + client + " tests did not run, something they need is not installed:\n"
        + output.strip();
    if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
      fail("CI=" + ci + ": " + message + "\n(.ci/run installs it in its step 1)");
    }
    message += "\n(skipped outside CI; with the environment variable CI=true this fails)";
    System.out.println("InteropIT SKIPPED: " + message);
    Assumptions.abort(message);
  }

  /** SIGTERM to the script, whose trap stops the server and the UAs it started; then SIGKILL. */
  private static void stop(Process script) throws InterruptedException {
    List<ProcessHandle> tree = script.descendants().toList();
    script.destroy();
    if (!script.waitFor(30, TimeUnit.SECONDS)) {
      script.destroyForcibly();
    }
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }
}
