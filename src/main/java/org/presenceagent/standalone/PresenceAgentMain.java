package org.presenceagent.standalone;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.presenceagent.bootstrap.PresenceAgentVersion;
import org.presenceagent.infrastructure.config.InvalidSettingException;
import org.presenceagent.infrastructure.config.PresenceSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * {@code java -jar presence-agent.jar}: validates the command line and the settings, checks the
 * ports, starts the embedded container with the application, prints the banner and runs until
 * SIGTERM or Ctrl-C, then stops cleanly (the JVM exits with 128 plus the signal's number, 143 or
 * 130, as after any signal). Exit codes of its own: 0 after --help or --version, 2 for a bad command
 * line or setting (also: a non-loopback address without authentication, see {@link ProtectedMode}),
 * 1 when the server cannot start.
 */
public final class PresenceAgentMain {

  private static final Logger LOG = LoggerFactory.getLogger(PresenceAgentMain.class);

  private PresenceAgentMain() {}

  public static void main(String[] args) {
    // Tomcat logs through java.util.logging: one backend (logback) formats and filters everything.
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    PrintStream console = System.err; // the banner and fatal errors are for the operator, not the log
    int exitCode = run(args, console);
    if (exitCode != 0) {
      System.exit(exitCode);
    }
  }

  static int run(String[] args, PrintStream console) {
    CommandLine commandLine;
    PresenceSettings settings;
    Map<String, String> params;
    try {
      commandLine = CommandLine.parse(Arrays.asList(args));
      if (commandLine.help()) {
        console.println(CommandLine.USAGE);
        return 0;
      }
      if (commandLine.version()) {
        console.println("Presence Agent " + version());
        return 0;
      }
      params = ProtectedMode.withSafeAuthorization(commandLine.bind(), applicationParams(commandLine));
      Map<String, String> effective = new LinkedHashMap<>(DeployedParams.read());
      effective.putAll(params);
      settings = PresenceSettings.from(effective);
    } catch (CommandLine.UsageException | InvalidSettingException e) {
      console.println("presence-agent: " + e.getMessage());
      console.println(CommandLine.USAGE);
      return 2;
    }
    Optional<String> unprotected = ProtectedMode.refusal(commandLine.bind(), settings.identity());
    if (unprotected.isPresent()) {
      console.println("presence-agent: " + unprotected.get());
      return 2;
    }
    EmbeddedSipServer server;
    try {
      PortCheck.requireFree(commandLine.bind(), commandLine.sipPort(), commandLine.httpPort());
      server = EmbeddedSipServer.start(commandLine.bind(), commandLine.sipPort(), commandLine.httpPort(),
          commandLine.dataDir().resolve("container"), params);
    } catch (RuntimeException e) {
      LOG.debug("start-up failed", e);
      console.println("presence-agent: " + e.getMessage());
      return 1;
    }
    Banner.lines(version(), commandLine, settings).forEach(console::println);
    awaitShutdown(server);
    return 0;
  }

  /**
   * The application parameters: {@code --param}s, plus {@code --data-dir} and {@code --db-url},
   * which are shorthands for {@code data_dir} and {@code db_url}.
   */
  static Map<String, String> applicationParams(CommandLine commandLine) {
    Map<String, String> params = new LinkedHashMap<>(commandLine.params());
    params.put("data_dir", commandLine.dataDir().toAbsolutePath().normalize().toString());
    commandLine.dbUrl().ifPresent(url -> params.put("db_url", url));
    return params;
  }

  private static void awaitShutdown(EmbeddedSipServer server) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("stopping");
      try {
        server.close();
      } catch (RuntimeException e) {
        LOG.warn("stop was not clean: {}", e.getMessage());
      } finally {
        stopped.countDown();
      }
    }, "presence-agent-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String version() {
    return PresenceAgentVersion.read();
  }
}
