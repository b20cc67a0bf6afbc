package org.presenceagent.application.notify;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.presenceagent.domain.shared.Aor;

/**
 * Notices when a presentity's RPID sphere changes, for presentities whose rules have sphere
 * conditions (RFC 5025 section 3.1.1: a new sphere can change which rules apply, so its
 * subscriptions are evaluated again and watchers move between allowed, blocked and pending).
 * Presentities without sphere conditions cost one rules look-up per change and nothing is kept;
 * presentities without watchers cost nothing (see {@link #forget}).
 *
 * <p>Called with the presentity's lock held, so the last sphere of one presentity is never
 * compared and stored by two threads at once.
 */
public final class SphereChanges {

  /** No rule ever depends on the sphere ({@code auth=none} or {@code implicit}). */
  public static final SphereChanges NONE = new SphereChanges(presentity -> false, presentity -> Optional.empty(),
      presentity -> { });

  private final Predicate<Aor> dependsOnSphere;
  private final Function<Aor, Optional<String>> sphereOf;
  private final Consumer<Aor> reauthorize;
  private final Map<Aor, Optional<String>> lastSphere = new ConcurrentHashMap<>();

  /**
   * @param dependsOnSphere whether the presentity's current rules have a sphere condition
   * @param sphereOf the presentity's current sphere
   * @param reauthorize evaluates the presentity's subscriptions again and notifies each of them
   */
  public SphereChanges(Predicate<Aor> dependsOnSphere, Function<Aor, Optional<String>> sphereOf,
      Consumer<Aor> reauthorize) {
    this.dependsOnSphere = dependsOnSphere;
    this.sphereOf = sphereOf;
    this.reauthorize = reauthorize;
  }

  /**
   * The presentity has no watchers: the sphere seen last is dropped, so that the first change after
   * new watchers arrive is compared with nothing rather than with a stale value.
   */
  void forget(Aor presentity) {
    lastSphere.remove(presentity);
  }

  /**
   * After a change of the presentity's state: when its sphere is not the one seen last time (or
   * was never seen), re-authorizes its subscriptions and answers true, since every watcher has
   * then been notified.
   */
  boolean reauthorizedAfterChange(Aor presentity) {
    if (!dependsOnSphere.test(presentity)) {
      lastSphere.remove(presentity);
      return false;
    }
    Optional<String> sphere = sphereOf.apply(presentity);
    Optional<String> previous = lastSphere.put(presentity, sphere);
    if (sphere.equals(previous)) {
      return false;
    }
    reauthorize.accept(presentity);
    return true;
  }
}
