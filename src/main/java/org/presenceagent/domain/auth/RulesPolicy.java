package org.presenceagent.domain.auth;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.presenceagent.domain.shared.Aor;

/**
 * Seed {@code auth=xcap}: each presentity's pres-rules decide; a presentity without rules holds
 * every watcher pending, and a presentity watching itself is always allowed, as with {@code
 * implicit}. The presentity's sphere is not known here yet, so sphere conditions do not match.
 */
public final class RulesPolicy implements AuthorizationPolicy {

  private final Function<Aor, Optional<PresRules>> rulesOf;
  private final Clock clock;

  /** @param rulesOf a presentity's current rules; must answer quickly (it runs on SIP threads) */
  public RulesPolicy(Function<Aor, Optional<PresRules>> rulesOf, Clock clock) {
    this.rulesOf = rulesOf;
    this.clock = clock;
  }

  @Override
  public SubHandling decide(Aor watcher, Aor presentity) {
    return evaluate(watcher, presentity).subHandling();
  }

  /** The full decision, transformations included. */
  public Decision evaluate(Aor watcher, Aor presentity) {
    if (watcher.equals(presentity)) {
      return new Decision(SubHandling.ALLOW, Transformations.ALL);
    }
    return rulesOf.apply(presentity)
        .map(rules -> rules.evaluate(watcher, Optional.empty(), clock.instant()))
        .orElse(Decision.NO_MATCH);
  }
}
