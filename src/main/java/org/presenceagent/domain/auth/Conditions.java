package org.presenceagent.domain.auth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.presenceagent.domain.shared.Aor;

/**
 * The conditions of a rule (RFC 4745 section 7). Each kind present must match (they are ANDed);
 * an absent kind does not restrict; a rule with no condition at all matches every request
 * (section 10.1).
 *
 * @param identity who the rule is about, empty for anybody
 * @param spheres the {@code sphere} values of which one must be the presentity's current sphere
 *     (section 7.2), empty for no sphere condition
 * @param validity intervals of which one must contain the time of the request (section 7.3),
 *     empty for no validity condition
 */
public record Conditions(Optional<IdentityCondition> identity, Set<String> spheres, List<Validity> validity) {

  /** No condition: the rule always applies. */
  public static final Conditions NONE = new Conditions(Optional.empty(), Set.of(), List.of());

  public Conditions {
    Objects.requireNonNull(identity, "identity");
    spheres = Set.copyOf(spheres);
    validity = List.copyOf(validity);
  }

  /**
   * @param sphere the presentity's current RPID sphere; when unknown, a sphere condition does not
   *     match (RFC 4745 section 7.2: the condition is true only if the sphere is the one named)
   */
  public boolean matches(Aor watcher, Optional<String> sphere, Instant now) {
    return identity.map(condition -> condition.matches(watcher)).orElse(true)
        && (spheres.isEmpty() || sphere.filter(spheres::contains).isPresent())
        && (validity.isEmpty() || validity.stream().anyMatch(interval -> interval.contains(now)));
  }
}
