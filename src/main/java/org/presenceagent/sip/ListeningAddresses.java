package org.presenceagent.sip;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import javax.servlet.sip.SipURI;

/**
 * The hosts and ports the container listens on for SIP (JSR 289 section 4.1.2.1,
 * {@code javax.servlet.sip.outboundInterfaces}), read from the servlet context when first needed:
 * the container may start its connectors only after the application, so the list can still be
 * empty while the application starts. Once read non-empty it is kept.
 */
final class ListeningAddresses {

  private static final int DEFAULT_PORT = 5060;

  /** What was read, once it was non-empty. */
  private record Snapshot(Set<String> hosts, Set<Integer> ports, Set<String> hostPorts) {}

  private static final Snapshot NOTHING = new Snapshot(Set.of(), Set.of(), Set.of());

  private final Supplier<Object> outboundInterfaces;
  private volatile Snapshot snapshot;

  ListeningAddresses(Supplier<Object> outboundInterfaces) {
    this.outboundInterfaces = outboundInterfaces;
  }

  /** Hosts as an AOR carries them: lower case, IPv6 in brackets. */
  Set<String> hosts() {
    return read().hosts();
  }

  /** Each listening point as {@code host:port}, lower case (5060 where a URI has no port). */
  Set<String> hostPorts() {
    return read().hostPorts();
  }

  /** The SIP ports (5060 where a URI has none). */
  Set<Integer> ports() {
    return read().ports();
  }

  private Snapshot read() {
    Snapshot known = snapshot;
    if (known != null) {
      return known;
    }
    if (!(outboundInterfaces.get() instanceof Collection<?> interfaces) || interfaces.isEmpty()) {
      return NOTHING;
    }
    Set<String> hosts = new HashSet<>();
    Set<Integer> ports = new HashSet<>();
    Set<String> hostPorts = new HashSet<>();
    for (Object item : interfaces) {
      if (item instanceof SipURI uri) {
        hosts.add(host(uri));
        ports.add(port(uri));
        hostPorts.add(hostPort(uri));
      }
    }
    known = new Snapshot(Set.copyOf(hosts), Set.copyOf(ports), Set.copyOf(hostPorts));
    snapshot = known;
    return known;
  }

  static String host(SipURI uri) {
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  /** {@code host:port} as {@link MessageFork} compares a branch target with this server. */
  static String hostPort(SipURI uri) {
    return host(uri) + ":" + port(uri);
  }

  static int port(SipURI uri) {
    return uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
  }
}
