package org.presenceagent.standalone;

import java.util.List;
import org.presenceagent.infrastructure.config.PresenceSettings;

/** The one-screen start-up banner: version, addresses, database, key settings. */
final class Banner {

  private Banner() {}

  static List<String> lines(String version, CommandLine commandLine, PresenceSettings settings) {
    String bind = commandLine.bind();
    String database = settings.useDb() ? settings.effectiveDbUrl().replaceAll(";.*$", "") : "none (use_db=0, memory only)";
    return List.of(
        "Presence Agent " + version + " is ready",
        "  SIP        sip:" + bind + ":" + commandLine.sipPort() + " (UDP and TCP)",
        "  HTTP       http://" + bind + ":" + commandLine.httpPort() + "/",
        "  database   " + database,
        "  data dir   " + commandLine.dataDir().toAbsolutePath().normalize(),
        "  identity   " + ProtectedMode.describe(bind, settings.identity()),
        "  auth       " + settings.auth().name().toLowerCase(java.util.Locale.ROOT),
        "  expires    default " + settings.defaultExpires() + " s, subscriptions <= "
            + settings.maxSubscriptionExpiration() + " s, publications <= " + settings.maxPublishExpiration()
            + " s, min " + settings.minExpires() + " s",
        "  stop with Ctrl-C or SIGTERM");
  }
}
