package org.presenceagent.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Starts the shipped load balancer ({@code kamailio/dispatcher.cfg}) in front of nodes on loopback. */
final class KamailioBalancer {

  static final Path CONFIG = Path.of("kamailio", "dispatcher.cfg");

  private KamailioBalancer() {}

  /**
   * Writes the node list (set 1) and starts Kamailio in the foreground on {@code port}, its output in
   * {@code work/kamailio.log}.
   */
  static Process start(Path work, List<Integer> nodePorts, int port) throws IOException {
    StringBuilder list = new StringBuilder();
    nodePorts.forEach(nodePort -> list.append("1 sip:127.0.0.1:").append(nodePort).append('\n'));
    Files.writeString(work.resolve("dispatcher.list"), list);
    Files.createDirectories(work.resolve("run"));
    return new ProcessBuilder("kamailio", "-DD", "-E", "-f", CONFIG.toString(),
        "-A", "DS_LIST=\"" + work.resolve("dispatcher.list") + "\"", "-A", "LB_PORT=" + port,
        "-A", "RUN_DIR=\"" + work.resolve("run") + "\"")
        .redirectErrorStream(true).redirectOutput(log(work).toFile()).start();
  }

  static Path log(Path work) {
    return work.resolve("kamailio.log");
  }
}
