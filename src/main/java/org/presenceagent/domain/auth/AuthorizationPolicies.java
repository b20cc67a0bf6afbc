package org.presenceagent.domain.auth;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.presenceagent.domain.event.EventPackage;

/**
 * The authorization policy of each event package: the seed's {@code auth} for {@code presence},
 * {@code winfo_auth} for {@code presence.winfo}.
 */
public final class AuthorizationPolicies {

  private final AuthorizationPolicy presence;
  private final Map<String, AuthorizationPolicy> others;

  private AuthorizationPolicies(AuthorizationPolicy presence, Map<String, AuthorizationPolicy> others) {
    this.presence = Objects.requireNonNull(presence, "presence");
    this.others = Map.copyOf(others);
  }

  /** One policy for presence and its watcher information. */
  public static AuthorizationPolicies of(AuthorizationPolicy presence, AuthorizationPolicy watcherInfo) {
    return new AuthorizationPolicies(presence, Map.of(EventPackage.PRESENCE_WINFO.name(), watcherInfo));
  }

  /** The policy of an event package; packages without one of their own use presence's. */
  public AuthorizationPolicy forEvent(String event) {
    return others.getOrDefault(event.toLowerCase(Locale.ROOT), presence);
  }
}
