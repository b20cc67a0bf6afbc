package org.presenceagent.application.identity;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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

  private LocalDomains(Set<String> hosts) {
    this.hosts = Set.copyOf(hosts);
  }

  public static LocalDomains of(Collection<String> hosts) {
    Set<String> normalised = new LinkedHashSet<>();
    hosts.forEach(host -> normalised.add(host.trim().toLowerCase(Locale.ROOT)));
    normalised.remove("");
    return new LocalDomains(normalised);
  }

  /**
   * The default when the {@code domains} parameter is empty: the loopback names, the hosts the
   * server listens on and a configured digest realm (the SIP domain of older register_auth set-ups).
   */
  public static LocalDomains byDefault(Collection<String> listeningHosts, Optional<String> realm) {
    Set<String> hosts = new LinkedHashSet<>(LOOPBACK_NAMES);
    hosts.addAll(listeningHosts);
    realm.ifPresent(hosts::add);
    return of(hosts);
  }

  public boolean isLocal(Aor aor) {
    return hosts.contains(aor.host());
  }

  /** Whether a host (of a URI, without port) is one of ours. */
  public boolean isLocalHost(String host) {
    return hosts.contains(host.toLowerCase(Locale.ROOT));
  }

  public Set<String> hosts() {
    return hosts;
  }

  @Override
  public String toString() {
    return String.join(", ", hosts);
  }
}
