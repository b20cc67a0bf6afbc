package org.presenceagent.domain.auth;

import org.presenceagent.domain.shared.Aor;

/** Decides how a watcher's subscription to a presentity is handled. */
public interface AuthorizationPolicy {

  SubHandling decide(Aor watcher, Aor presentity);

  /**
   * How to handle the subscription and what the watcher may see. Policies without rules show
   * everything to an allowed watcher (the hot path of {@code auth=none} and {@code implicit}).
   */
  default Decision evaluate(Aor watcher, Aor presentity) {
    return new Decision(decide(watcher, presentity), Transformations.ALL);
  }

  /** Seed {@code auth=none}: every watcher is authorized. */
  static AuthorizationPolicy allowAll() {
    return (watcher, presentity) -> SubHandling.ALLOW;
  }

  /**
   * Seed {@code auth=implicit}: every watcher is pending, except the presentity watching itself,
   * which no sensible policy would hold back.
   */
  static AuthorizationPolicy confirmAll() {
    return (watcher, presentity) -> watcher.equals(presentity) ? SubHandling.ALLOW : SubHandling.CONFIRM;
  }

  /**
   * Seed {@code winfo_auth=implicit}: only the presentity itself (same URI) may subscribe; anybody
   * else is refused.
   */
  static AuthorizationPolicy ownerOnly() {
    return (watcher, presentity) -> watcher.equals(presentity) ? SubHandling.ALLOW : SubHandling.BLOCK;
  }
}
