package org.presenceagent.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A copy of the assembled Tomcat + Restcomm container ({@code ./mvnw -Pcontainer package}) running
 * as its own process through {@code bin/catalina.sh run}, on free loopback ports, with a JMX port.
 * The WAR is deployed and undeployed the way an operator does it: by putting it into {@code
 * webapps/} and taking it out again while the server runs.
 */
final class AssembledContainer implements AutoCloseable {

  static final String CONTEXT = "presence-agent";

  private final Path home;
  private final int sipPort;
  private final int httpPort;
  private final int jmxPort;
  private final Process process;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private AssembledContainer(Path home, int sipPort, int httpPort, int jmxPort, Process process) {
    this.home = home;
    this.sipPort = sipPort;
    this.httpPort = httpPort;
    this.jmxPort = jmxPort;
    this.process = process;
  }

  /**
   * Copies the assembled container to {@code workDir} and starts it.
   *
   * @param applicationParams {@code presenceagent.NAME} system properties for the application
   */
  static AssembledContainer start(Path assembled, Path workDir, int sipPort, int httpPort, int shutdownPort,
      int jmxPort, Map<String, String> applicationParams) throws IOException {
    if (!Files.isExecutable(assembled.resolve("bin/catalina.sh"))) {
      throw new IllegalStateException("no assembled container at " + assembled + ": build it with ./mvnw -Pcontainer package");
    }
    Path home = workDir.resolve("presence-agent-tomcat");
    copyTree(assembled, home);
    StringBuilder options = new StringBuilder()
        .append("-Dcom.sun.management.jmxremote.port=").append(jmxPort)
        .append(" -Dcom.sun.management.jmxremote.rmi.port=").append(jmxPort)
        .append(" -Dcom.sun.management.jmxremote.host=127.0.0.1 -Djava.rmi.server.hostname=127.0.0.1")
        .append(" -Dcom.sun.management.jmxremote.authenticate=false -Dcom.sun.management.jmxremote.ssl=false")
        .append(" -Xmx512m")
        // Softly reachable objects are cleared at every collection, as the JVM does anyway before it
        // runs out of memory: what survives System.gc() then is held strongly, i.e. a real leak.
        // (Java 17's serialization caches hold classes softly, so the default would report those.)
        .append(" -XX:SoftRefLRUPolicyMSPerMB=0");
    applicationParams.forEach((name, value) -> options.append(" -Dpresenceagent.").append(name).append('=').append(value));
    ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/catalina.sh").toString(), "run")
        .directory(home.toFile())
        .redirectErrorStream(true)
        .redirectOutput(home.resolve("logs/console.log").toFile());
    Map<String, String> environment = builder.environment();
    environment.put("CATALINA_HOME", home.toString());
    environment.put("CATALINA_BASE", home.toString());
    environment.put("PRESENCE_AGENT_SIP_PORT", Integer.toString(sipPort));
    environment.put("PRESENCE_AGENT_HTTP_PORT", Integer.toString(httpPort));
    environment.put("PRESENCE_AGENT_SHUTDOWN_PORT", Integer.toString(shutdownPort));
    environment.put("CATALINA_OPTS", options.toString());
    return new AssembledContainer(home, sipPort, httpPort, jmxPort, builder.start());
  }

  int sipPort() {
    return sipPort;
  }

  int httpPort() {
    return httpPort;
  }

  int jmxPort() {
    return jmxPort;
  }

  long pid() {
    return process.pid();
  }

  Path home() {
    return home;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Hot deployment: the WAR is written next to its final name and moved in at once. */
  void deploy(Path war) throws IOException {
    Path partial = home.resolve("webapps/" + CONTEXT + ".war.part");
    Files.copy(war, partial, StandardCopyOption.REPLACE_EXISTING);
    Files.move(partial, home.resolve("webapps/" + CONTEXT + ".war"), StandardCopyOption.ATOMIC_MOVE);
  }

  /** Hot undeployment: Tomcat's auto-deployer stops the application once its WAR is gone. */
  void undeploy() throws IOException {
    Files.delete(home.resolve("webapps/" + CONTEXT + ".war"));
  }

  /** GET on the container's HTTP port; status 0 when nothing answers. */
  HttpResponse<String> get(String path) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
          .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The container's console output so far, for failure messages. */
  String log() {
    try {
      List<String> lines = Files.readAllLines(home.resolve("logs/console.log"));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 150), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** SIGTERM (Tomcat's shutdown hook stops everything), SIGKILL after 30 s. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
