package org.presenceagent.standalone;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The standalone server's command line. This is a public contract that scripts depend on; keep it
 * stable:
 *
 * <pre>
 * java -jar presence-agent.jar [--bind 127.0.0.1] [--sip-port 5060] [--http-port 8080]
 *      [--data-dir ./data] [--db-url JDBC_URL] [--param name=value]... [--help] [--version]
 * </pre>
 *
 * @param bind the address to listen on
 * @param sipPort the SIP port (UDP and TCP)
 * @param httpPort the HTTP port
 * @param dataDir where the embedded database and the container's work files live
 * @param dbUrl a JDBC URL replacing the embedded database, when given
 * @param params application parameter overrides ({@code --param name=value})
 * @param help whether usage was asked for
 * @param version whether the version was asked for
 */
public record CommandLine(
    String bind,
    int sipPort,
    int httpPort,
    Path dataDir,
    Optional<String> dbUrl,
    Map<String, String> params,
    boolean help,
    boolean version) {

  public static final String USAGE = String.join(System.lineSeparator(),
      "usage: java -jar presence-agent.jar [options]",
      "  --bind ADDRESS       address to listen on (default 127.0.0.1)",
      "  --sip-port PORT      SIP port, UDP and TCP (default 5060)",
      "  --http-port PORT     HTTP port (default 8080)",
      "  --data-dir DIR       data directory for the embedded database (default ./data)",
      "  --db-url JDBC_URL    use this database instead (e.g. jdbc:postgresql://host/db)",
      "  --param NAME=VALUE   override an application parameter (repeatable), see docs/configuration.md",
      "  --help               show this text",
      "  --version            show the version");

  public CommandLine {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /**
   * Parses the arguments.
   *
   * @throws UsageException with a message naming the bad argument
   */
  public static CommandLine parse(List<String> args) {
    String bind = "127.0.0.1";
    int sipPort = 5060;
    int httpPort = 8080;
    Path dataDir = Path.of("data");
    String dbUrl = null;
    Map<String, String> params = new LinkedHashMap<>();
    boolean help = false;
    boolean version = false;
    for (int i = 0; i < args.size(); i++) {
      String option = args.get(i);
      switch (option) {
        case "--help", "-h" -> help = true;
        case "--version" -> version = true;
        case "--bind" -> bind = value(args, ++i, option);
        case "--sip-port" -> sipPort = port(value(args, ++i, option), option);
        case "--http-port" -> httpPort = port(value(args, ++i, option), option);
        case "--data-dir" -> dataDir = Path.of(value(args, ++i, option));
        case "--db-url" -> dbUrl = value(args, ++i, option);
        case "--param" -> addParam(params, value(args, ++i, option));
        default -> throw new UsageException("unknown option: " + option);
      }
    }
    if (sipPort == httpPort) {
      throw new UsageException("--sip-port and --http-port must differ (both are " + sipPort + ")");
    }
    return new CommandLine(bind, sipPort, httpPort, dataDir, Optional.ofNullable(dbUrl), params, help, version);
  }

  private static String value(List<String> args, int index, String option) {
    if (index >= args.size() || args.get(index).startsWith("--")) {
      throw new UsageException(option + " needs a value");
    }
    return args.get(index);
  }

  private static int port(String text, String option) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below with the allowed range
    }
    throw new UsageException(option + " must be a port number between 1 and 65535, not '" + text + "'");
  }

  private static void addParam(Map<String, String> params, String assignment) {
    int equals = assignment.indexOf('=');
    if (equals <= 0) {
      throw new UsageException("--param needs name=value, not '" + assignment + "'");
    }
    params.put(assignment.substring(0, equals).trim(), assignment.substring(equals + 1).trim());
  }

  /** A command line that cannot be used; the message says why. */
  public static final class UsageException extends RuntimeException {
    public UsageException(String message) {
      super(message);
    }
  }
}
