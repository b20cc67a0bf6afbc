package org.presenceagent.standalone;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link BareFloorServlet} on the embedded container with the same stack settings as the
 * product: {@code java -cp target/presence-agent.jar:target/test-classes
 * org.presenceagent.standalone.BareFloorServer [sip-port]} (bench/README.md).
 */
public final class BareFloorServer {

  private BareFloorServer() {}

  public static void main(String[] args) throws Exception {
    int sipPort = args.length > 0 ? Integer.parseInt(args[0]) : 5070;
    Path base = Files.createTempDirectory("bare-floor");
    EmbeddedSipServer server = EmbeddedSipServer.start(
        "bare-floor-webapp/WEB-INF/", "127.0.0.1", sipPort, sipPort + 13000, base, Map.of());
    System.err.println("bare floor servlet on 127.0.0.1:" + sipPort);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }));
    stopped.await();
  }
}
