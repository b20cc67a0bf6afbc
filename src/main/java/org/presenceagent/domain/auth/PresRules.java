package org.presenceagent.domain.auth;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.presenceagent.domain.shared.Aor;

/**
 * A presentity's presence authorization rules (RFC 5025 on the RFC 4745 common-policy model),
 * without any XML: the {@code document} package reads them.
 */
public record PresRules(List<Rule> rules) {

  public PresRules {
    rules = List.copyOf(rules);
    Set<String> ids = new HashSet<>();
    for (Rule rule : rules) {
      if (!ids.add(rule.id())) {
        throw new IllegalArgumentException("duplicate rule id: " + rule.id());
      }
    }
  }

  /**
   * Whether some rule has a sphere condition (RFC 4745 section 7.2): only then is the presentity's
   * sphere looked up, and only then can a new sphere change a decision.
   */
  public boolean usesSphere() {
    for (Rule rule : rules) {
      if (!rule.conditions().spheres().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Combines every matching rule (RFC 4745 section 10): the most permissive {@code sub-handling}
   * wins, transformations are united. When no matching rule says how to handle the subscription,
   * it is held pending ({@link SubHandling#CONFIRM}), so that the presentity can still decide.
   */
  public Decision evaluate(Aor watcher, Optional<String> sphere, Instant now) {
    Optional<SubHandling> handling = Optional.empty();
    Transformations transformations = Transformations.NONE;
    for (Rule rule : rules) {
      if (rule.conditions().matches(watcher, sphere, now)) {
        handling = combine(handling, rule.subHandling());
        transformations = transformations.combine(rule.transformations());
      }
    }
    return new Decision(handling.orElse(SubHandling.CONFIRM), transformations);
  }

  private static Optional<SubHandling> combine(Optional<SubHandling> current, Optional<SubHandling> next) {
    if (current.isEmpty()) {
      return next;
    }
    return Optional.of(next.map(current.get()::mostPermissive).orElse(current.get()));
  }
}
