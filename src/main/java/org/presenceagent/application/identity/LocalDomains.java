package org.presenceagent.application.identity;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.presenceagent.domain.shared.Aor;

/**
 * The SIP domains this server is responsible for (Kamailio's {@code domain} module): a request for
 * any other domain is not ours to serve, and a MESSAGE to one would make us an open relay. Hosts
 * compare case-insensitively (RFC 3261 section 19.1.4); IPv6 references are kept with brackets, as
 * an AOR carries them.
 */
public final class LocalDomains {

  /** The names of this host every trial client uses: the README's loopback run needs nothing else. */
  public static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "localhost.localdomain", "127.0.0.1", "[::1]");

  private final Set<String> hosts;
  private final Supplier<Set<String>> listeningHosts;

  private LocalDomains(Set<String> hosts, Supplier<Set<String>> listeningHosts) {
    this.hosts = Collections.unmodifiableSet(new LinkedHashSet<>(hosts)); // in the configured order, for messages
    this.listeningHosts = listeningHosts;
  }

  public static LocalDomains of(Collection<String> hosts) {
    return new LocalDomains(normalised(hosts), Set::of);
  }

  private static Set<String> normalised(Collection<String> hosts) {
    Set<String> normalised = new LinkedHashSet<>();
    hosts.forEach(host -> normalised.add(host.trim().toLowerCase(Locale.ROOT)));
    normalised.remove("");
    return normalised;
  }

  /**
   * The default when the {@code domains} parameter is empty: the loopback names, the hosts the
   * server listens on and a configured digest realm (the SIP domain of older register_auth set-ups).
   *
   * @param listeningHosts the hosts of the SIP connectors, asked at each use: a container may start
   *     its connectors only after the application (lower case; IPv6 in brackets)
   */
  public static LocalDomains byDefault(Supplier<Set<String>> listeningHosts, Optional<String> realm) {
    Set<String> hosts = new LinkedHashSet<>(LOOPBACK_NAMES);
    realm.ifPresent(hosts::add);
    return new LocalDomains(normalised(hosts), listeningHosts);
  }

  public boolean isLocal(Aor aor) {
    return isLocalHost(aor.host());
  }

  /** Whether a host (of a URI, without port) is one of ours. */
  public boolean isLocalHost(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    return hosts.contains(lower) || listeningHosts.get().contains(lower);
  }

  /** Every local host known now. */
  public Set<String> hosts() {
    Set<String> all = new LinkedHashSet<>(hosts);
    all.addAll(listeningHosts.get());
    return all;
  }

  @Override
  public String toString() {
    return String.join(", ", hosts());
  }
}
