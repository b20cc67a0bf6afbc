package org.presenceagent.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.presenceagent.standalone.EmbeddedSipServer;

/**
 * Boots the real embedded SIP Servlets container with Presence Agent deployed, on free ports of
 * 127.0.0.1 with an H2 database in a fresh directory, once per test class; the same path the
 * standalone jar takes. Register it as a static field with {@code @RegisterExtension}.
 */
public final class PresenceServerExtension implements BeforeAllCallback, AfterAllCallback {

  /** The domains the tests' AORs use, served unless a test sets {@code domains} itself. */
  static final String TEST_DOMAINS = "example.com, example.org, host.com, test-domain.com, other.com, elsewhere.org,"
      + " 127.0.0.1, localhost";

  private final Map<String, String> params = new LinkedHashMap<>();
  private Path dataDir;
  private int sipPort;
  private int httpPort;
  private EmbeddedSipServer server;

  /**
   * Overrides an application parameter (as {@code --param name=value} does); {@code {httpPort}}
   * in the value stands for the HTTP port chosen at start (e.g. to point auth_xcap_root at the
   * server's own XCAP server).
   */
  public PresenceServerExtension param(String name, String value) {
    params.put(name, value);
    return this;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    dataDir = Files.createTempDirectory("presence-agent-it");
    sipPort = FreePorts.find();
    httpPort = FreePorts.find();
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
    deleteRecursively(dataDir);
  }

  /** Starts the server (again) on the same ports and data directory. */
  public void start() {
    Map<String, String> effective = new LinkedHashMap<>();
    params.forEach((name, value) -> effective.put(name, value.replace("{httpPort}", Integer.toString(httpPort))));
    effective.put("data_dir", dataDir.resolve("db").toString());
    // The tests' users live in these domains (RFC 2606 names); a test of the local-domain check sets its own.
    effective.putIfAbsent("domains", TEST_DOMAINS);
    server = EmbeddedSipServer.start("127.0.0.1", sipPort, httpPort, dataDir.resolve("container"), effective);
  }

  /** Stops the server cleanly (the database is closed, nothing is deleted). */
  public void stop() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  /** An attribute of the running application's servlet context (see EmbeddedSipServer). */
  public Object applicationAttribute(String name) {
    return server.applicationAttribute(name);
  }

  public int sipPort() {
    return sipPort;
  }

  public int httpPort() {
    return httpPort;
  }

  /**
   * A series of the server's {@code /metrics} (Prometheus text), summed over its label sets unless
   * {@code series} names them, e.g. {@code presence_overload_refused_total{reason="pending"}}.
   */
  public long metric(String series) throws Exception {
    HttpResponse<String> scrape = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString());
    return scrape.body().lines()
        .filter(line -> line.startsWith(series + " ") || (!series.contains("{") && line.startsWith(series + "{")))
        .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  private static void deleteRecursively(Path directory) {
    if (directory == null || !Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
