package org.presenceagent.standalone;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.presenceagent.infrastructure.config.IdentitySettings;

/**
 * Secure by default, as Redis' protected mode: on a loopback address the server starts with no
 * credentials (a trial on one machine, the README's one-line run command); on any other address it
 * refuses to start unless requests are authenticated (digest_auth=1, or trusted_proxies in front)
 * or the operator explicitly opts into the open mode (protected_mode=0). Without it anybody who can
 * reach the port could read every watcher list and act as every user.
 */
final class ProtectedMode {

  private static final String AUTH = "auth";

  private ProtectedMode() {}

  /** Why the server must not start on this address with these settings; empty when it may. */
  static Optional<String> refusal(String bind, IdentitySettings identity) {
    if (!identity.protectedMode() || identity.authenticates() || isLoopback(bind)) {
      return Optional.empty();
    }
    return Optional.of("refusing to listen on " + bind + " without authentication (protected mode): anybody who"
        + " reaches it could act as any user. Set digest_auth=1 with users (--param digest_auth=1 --param"
        + " subscribers=alice@example.com:secret, or subscribers_file, or the admin API), or trusted_proxies=<proxy"
        + " address> behind a proxy that authenticates users, or protected_mode=0 to run open on a trusted network"
        + " (docs/security.md).");
  }

  /**
   * The application parameters with a safe authorization default: the packaged {@code auth=none}
   * (every watcher sees everything) is kept on loopback only; on any other address, unless the
   * operator chose {@code auth} (a {@code --param} or the system property), it becomes
   * {@code auth=xcap}: each user's pres-rules decide, and without rules a watcher stays pending.
   */
  static Map<String, String> withSafeAuthorization(String bind, Map<String, String> params) {
    if (isLoopback(bind) || params.containsKey(AUTH) || System.getProperty("presenceagent." + AUTH) != null) {
      return params;
    }
    Map<String, String> safe = new LinkedHashMap<>(params);
    safe.put(AUTH, "xcap");
    return safe;
  }

  /** The banner's line: which mode is in force. */
  static String describe(String bind, IdentitySettings identity) {
    if (identity.digestAuth()) {
      return "digest (realm " + identity.realm() + ", " + identity.algorithms().stream()
          .map(algorithm -> algorithm.token()).reduce((a, b) -> a + ", " + b).orElse("") + ")"
          + (identity.trustedProxies().isEmpty() ? "" : " + trusted proxies " + identity.trustedProxies());
    }
    if (!identity.trustedProxies().isEmpty()) {
      return "trusted proxies " + identity.trustedProxies() + " (P-Asserted-Identity); others refused";
    }
    return isLoopback(bind) ? "open on loopback (From is believed; see docs/security.md)"
        : "OPEN (protected_mode=0: From is believed, anybody may act as anybody)";
  }

  static boolean isLoopback(String bind) {
    try {
      return InetAddress.getByName(bind).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
