package org.presenceagent.standalone;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Finds out before start-up whether the ports can be bound, so a taken port gives one clear
 * message and a non-zero exit instead of a container that starts half-deaf.
 */
final class PortCheck {

  private PortCheck() {}

  /** @throws IllegalStateException naming the address, port and transport that cannot be bound */
  static void requireFree(String bind, int sipPort, int httpPort) {
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (IOException e) {
      throw new IllegalStateException("cannot resolve --bind address " + bind);
    }
    requireTcp(address, sipPort, "SIP/TCP");
    requireUdp(address, sipPort);
    requireTcp(address, httpPort, "HTTP");
  }

  private static void requireTcp(InetAddress address, int port, String what) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(address, port));
    } catch (IOException e) {
      throw new IllegalStateException(what + " port " + address.getHostAddress() + ":" + port
          + " is not available (" + e.getMessage() + "); is another server running?");
    }
  }

  private static void requireUdp(InetAddress address, int port) {
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(address, port))) {
      socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("SIP/UDP port " + address.getHostAddress() + ":" + port
          + " is not available (" + e.getMessage() + "); is another server running?");
    }
  }
}
