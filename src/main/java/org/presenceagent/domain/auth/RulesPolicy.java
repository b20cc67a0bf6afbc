package org.presenceagent.domain.auth;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.presenceagent.domain.shared.Aor;

/**
 * Seed {@code auth=xcap}: each presentity's pres-rules decide; a presentity without rules holds
 * every watcher pending, and a presentity watching itself is always allowed and sees everything,
 * as with {@code implicit}.
 *
 * <p>Sphere conditions (RFC 4745 section 7.2) are matched against the presentity's current RPID
 * {@code <sphere>}, which is looked up only for rules that have one, so that presentities without
 * sphere conditions never pay for it. The transformations of the matching rules are passed
 * through the {@link EmptyTransformationsPolicy} ({@code pres_rules_transformations}).
 */
public final class RulesPolicy implements AuthorizationPolicy {

  private final Function<Aor, Optional<PresRules>> rulesOf;
  private final Function<Aor, Optional<String>> sphereOf;
  private final EmptyTransformationsPolicy emptyTransformations;
  private final Clock clock;

  /**
   * @param rulesOf a presentity's current rules; must answer quickly (it runs on SIP threads)
   * @param sphereOf a presentity's current RPID sphere, empty when it has published none
   */
  public RulesPolicy(Function<Aor, Optional<PresRules>> rulesOf, Function<Aor, Optional<String>> sphereOf,
      EmptyTransformationsPolicy emptyTransformations, Clock clock) {
    this.rulesOf = Objects.requireNonNull(rulesOf, "rulesOf");
    this.sphereOf = Objects.requireNonNull(sphereOf, "sphereOf");
    this.emptyTransformations = Objects.requireNonNull(emptyTransformations, "emptyTransformations");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public SubHandling decide(Aor watcher, Aor presentity) {
    return evaluate(watcher, presentity).subHandling();
  }

  /** The full decision, transformations included. */
  @Override
  public Decision evaluate(Aor watcher, Aor presentity) {
    if (watcher.equals(presentity)) {
      return new Decision(SubHandling.ALLOW, Transformations.ALL);
    }
    return rulesOf.apply(presentity)
        .map(rules -> {
          Optional<String> sphere = rules.usesSphere() ? sphereOf.apply(presentity) : Optional.empty();
          Decision decision = rules.evaluate(watcher, sphere, clock.instant());
          return new Decision(decision.subHandling(), emptyTransformations.apply(decision.transformations()));
        })
        .orElse(Decision.NO_MATCH);
  }

  /** Whether the presentity's rules depend on its sphere, so that a new sphere needs re-evaluation. */
  public boolean dependsOnSphere(Aor presentity) {
    return rulesOf.apply(presentity).map(PresRules::usesSphere).orElse(false);
  }
}
