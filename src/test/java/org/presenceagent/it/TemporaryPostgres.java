package org.presenceagent.it;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL server of the test's own: a new cluster ({@code initdb}) in a temporary directory,
 * listening on 127.0.0.1 at a free port, with a random password, removed again at {@link #close()}.
 * It never touches the machine's own clusters or databases. Run as the {@code postgres} user when
 * the test runs as root (PostgreSQL refuses to run as root; CI runs as root).
 *
 * <p>Without PostgreSQL's binaries (Debian package {@code postgresql}) the test is skipped, except
 * under CI (environment variable {@code CI} set and not {@code false}), where it fails:
 * {@code .ci/run} installs the package in its step 1.
 */
final class TemporaryPostgres implements AutoCloseable {

  private static final Path DEBIAN_VERSIONS = Path.of("/usr/lib/postgresql");
  static final String USER = "presence_it";
  static final String DATABASE = "presence_it";
  private static final long STEP_TIMEOUT_S = 60;

  private final Path bin;
  private final Path dir;
  private final int port;
  private final String password;
  private final boolean asPostgresUser;

  private TemporaryPostgres(Path bin, Path dir, int port, String password, boolean asPostgresUser) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
    this.password = password;
    this.asPostgresUser = asPostgresUser;
  }

  /** Creates and starts a new server with an empty database {@link #DATABASE} owned by {@link #USER}. */
  static TemporaryPostgres start() throws IOException, InterruptedException {
    Path bin = binaries();
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dir = Files.createTempDirectory("presence-pg");
    byte[] secret = new byte[16];
    new SecureRandom().nextBytes(secret);
    String password = HexFormat.of().formatHex(secret);
    Files.writeString(dir.resolve("pwfile"), password + "\n", StandardCharsets.UTF_8);
    if (root) {
      run(List.of("chown", "-R", "postgres:postgres", dir.toString()), dir);
    }
    TemporaryPostgres server = new TemporaryPostgres(bin, dir, FreePorts.find(), password, root);
    server.pg("initdb", "-D", dir.resolve("data").toString(), "-U", USER, "--pwfile=" + dir.resolve("pwfile"),
        "--auth=scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync");
    // fsync off: the data dies with the test; no Unix socket outside our directory.
    server.pg("pg_ctl", "start", "-w", "-t", String.valueOf(STEP_TIMEOUT_S), "-D", dir.resolve("data").toString(),
        "-l", dir.resolve("server.log").toString(),
        "-o", "-p " + server.port + " -h 127.0.0.1 -k " + dir + " -c fsync=off -c max_connections=60");
    // An embedded server stopped earlier in this JVM deregistered the drivers of the class path
    // (bootstrap.JdbcDrivers does, so that an undeployed WAR can be collected); the clients of this
    // server go through DriverManager.
    // (pgjdbc's own Driver.isRegistered() does not see that, so ask DriverManager.)
    if (Collections.list(DriverManager.getDrivers()).stream().noneMatch(org.postgresql.Driver.class::isInstance)) {
      try {
        DriverManager.registerDriver(new org.postgresql.Driver());
      } catch (SQLException e) {
        server.close();
        throw new IllegalStateException("registering the PostgreSQL driver failed", e);
      }
    }
    try (var connection = server.dataSource("postgres").getConnection();
        var statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + DATABASE);
    } catch (SQLException e) {
      server.close();
      throw new IllegalStateException("creating the test database failed", e);
    }
    return server;
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
  }

  String password() {
    return password;
  }

  PGSimpleDataSource dataSource() {
    return dataSource(DATABASE);
  }

  private PGSimpleDataSource dataSource(String database) {
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setServerNames(new String[] {"127.0.0.1"});
    source.setPortNumbers(new int[] {port});
    source.setDatabaseName(database);
    source.setUser(USER);
    source.setPassword(password);
    return source;
  }

  /** Stops the server (fast shutdown: open connections are ended) and deletes its directory. */
  @Override
  public void close() throws IOException {
    try {
      pg("pg_ctl", "stop", "-w", "-m", "fast", "-D", dir.resolve("data").toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping the test's PostgreSQL", e);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private void pg(String program, String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    if (asPostgresUser) {
      command.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    command.add(bin.resolve(program).toString());
    command.addAll(List.of(arguments));
    run(command, dir);
  }

  private static void run(List<String> command, Path dir) throws IOException, InterruptedException {
    Path output = Files.createTempFile("presence-pg", ".out");
    try {
      Process process = new ProcessBuilder(command).directory(dir.toFile())
          .redirectErrorStream(true).redirectOutput(output.toFile()).start();
      if (!process.waitFor(STEP_TIMEOUT_S, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish within " + STEP_TIMEOUT_S + " s");
      }
      if (process.exitValue() != 0) {
        String log = Files.exists(dir.resolve("server.log")) ? Files.readString(dir.resolve("server.log")) : "";
        throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "):\n"
            + Files.readString(output) + log);
      }
    } finally {
      Files.deleteIfExists(output);
    }
  }

  /** The newest installed PostgreSQL's binaries; skips (or fails under CI) when there is none. */
  private static Path binaries() {
    try (Stream<Path> versions = Files.exists(DEBIAN_VERSIONS) ? Files.list(DEBIAN_VERSIONS) : Stream.empty()) {
      return versions.map(version -> version.resolve("bin"))
          .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
          .max(Comparator.comparingInt(bin -> Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\D", "0"))))
          .orElseGet(TemporaryPostgres::notInstalled);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path notInstalled() {
    String message = "PostgreSQL is not installed (no " + DEBIAN_VERSIONS + "/<version>/bin/initdb): apt-get install postgresql";
    String ci = System.getenv("CI");
    if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
      fail("CI=" + ci + ": " + message + "\n(.ci/run installs it in its step 1)");
    }
    Assumptions.abort(message + " (skipped outside CI; with the environment variable CI=true this fails)");
    return null;
  }
}
