package org.presenceagent.domain.auth;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.presenceagent.domain.shared.Aor;

/**
 * The {@code identity} condition of RFC 4745 section 7.1: it matches a watcher named by one of its
 * {@code one} elements, or in one of its {@code many} domains (a {@code many} without a domain
 * matches every authenticated identity) unless an {@code except} of that {@code many} names the
 * watcher or its domain.
 */
public record IdentityCondition(Set<Aor> ones, List<Many> manies) {

  public IdentityCondition {
    ones = Set.copyOf(ones);
    manies = List.copyOf(manies);
  }

  public boolean matches(Aor watcher) {
    return ones.contains(watcher) || manies.stream().anyMatch(many -> many.matches(watcher));
  }

  /**
   * One {@code many} element (RFC 4745 section 7.1.2).
   *
   * @param domain the domain it covers, empty for any domain
   * @param exceptIds watchers it leaves out
   * @param exceptDomains domains it leaves out (meaningful only without a domain)
   */
  public record Many(Optional<String> domain, Set<Aor> exceptIds, Set<String> exceptDomains) {

    public Many {
      Objects.requireNonNull(domain, "domain");
      domain = domain.map(Many::lower);
      exceptIds = Set.copyOf(exceptIds);
      exceptDomains = exceptDomains.stream().map(Many::lower).collect(Collectors.toUnmodifiableSet());
    }

    /** Any identity of any domain, except those listed. */
    public static Many anyDomain(Set<Aor> exceptIds, Set<String> exceptDomains) {
      return new Many(Optional.empty(), exceptIds, exceptDomains);
    }

    /** Every identity of one domain, except the listed ones. */
    public static Many ofDomain(String domain, Set<Aor> exceptIds) {
      return new Many(Optional.of(domain), exceptIds, Set.of());
    }

    boolean matches(Aor watcher) {
      // Aor lower-cases its host: domains compare case-insensitively (RFC 4745 section 7.1.2).
      boolean inDomain = domain.map(watcher.host()::equals).orElse(true);
      return inDomain && !exceptIds.contains(watcher) && !exceptDomains.contains(watcher.host());
    }

    private static String lower(String domain) {
      return domain.toLowerCase(Locale.ROOT);
    }
  }
}
