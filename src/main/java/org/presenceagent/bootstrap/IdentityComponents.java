package org.presenceagent.bootstrap;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.presenceagent.application.identity.AddressRanges;
import org.presenceagent.application.identity.DigestVerifier;
import org.presenceagent.application.identity.LocalDomains;
import org.presenceagent.application.identity.StatelessNonces;
import org.presenceagent.application.identity.Subscriber;
import org.presenceagent.application.identity.SubscriberDirectory;
import org.presenceagent.application.identity.SubscriberTable;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.infrastructure.config.HtdigestFile;
import org.presenceagent.infrastructure.config.IdentitySettings;
import org.presenceagent.infrastructure.identity.BoundedNonceCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The identity parts, built once from the settings: local domains, the one subscriber directory
 * (parameters, file, table), the digest verifier shared by SIP and XCAP, the trusted proxies.
 *
 * @param sipDigest the verifier when SIP requests are challenged (digest_auth=1)
 * @param digest the verifier XCAP's HTTP Digest uses (always: XCAP always asks for credentials)
 */
public record IdentityComponents(
    LocalDomains domains,
    SubscriberDirectory subscribers,
    Optional<DigestVerifier> sipDigest,
    DigestVerifier digest,
    AddressRanges trustedProxies) {

  private static final Logger LOG = LoggerFactory.getLogger(IdentityComponents.class);
  /**
   * How long a nonce is good for. The counts stop replays, so it need not be short; 5 minutes keeps
   * the count store small and makes a phone that keeps reusing a nonce fetch a new one now and then.
   */
  static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);
  /** Nonces whose counts are remembered at most (about 150 bytes each). */
  private static final long NONCE_COUNTS = 100_000;

  static IdentityComponents build(IdentitySettings settings, Supplier<Set<String>> listeningHosts, SubscriberTable table,
      Clock clock) {
    LocalDomains domains = settings.domains().isEmpty()
        ? LocalDomains.byDefault(listeningHosts,
            settings.realm().equals(IdentitySettings.DEFAULT_REALM) ? Optional.empty() : Optional.of(settings.realm()))
        : LocalDomains.of(settings.domains());
    String defaultDomain = settings.realm();
    List<Subscriber> configured = new ArrayList<>();
    settings.subscribers().forEach((user, password) -> {
      Aor aor = Aor.parse("sip:" + user);
      configured.add(Subscriber.withPassword(aor, settings.realm(), password, true));
    });
    settings.subscribersFile().ifPresent(file ->
        configured.addAll(HtdigestFile.read(file, settings.realm(), defaultDomain, settings.subscribersFileParameter())));
    for (Subscriber subscriber : configured) {
      if (!domains.isLocal(subscriber.aor())) {
        // A warning, not an error: by default the addresses listened on count too, and they may be
        // known only once the connectors run.
        LOG.warn("subscriber {} is not in a local domain known at start-up ({}): requests for it get 403 unless"
            + " its domain is listened on; set domains", subscriber.aor().uri(), domains);
      }
    }
    SubscriberDirectory directory = new SubscriberDirectory(settings.realm(), domains, configured, table);
    StatelessNonces nonces = new StatelessNonces(secret(settings), settings.realm(), NONCE_LIFETIME, clock);
    DigestVerifier verifier = new DigestVerifier(directory, settings.algorithms(), nonces,
        new BoundedNonceCounter(NONCE_COUNTS, NONCE_LIFETIME, clock));
    if (settings.digestAuth() && directory.isEmpty()) {
      LOG.warn("digest_auth=1 but there are no subscribers yet: every request is refused until users are added"
          + " (subscribers, subscribers_file, or the admin API / JMX)");
    }
    LOG.info("local domains: {}; digest realm {}; {} subscribers", domains, settings.realm(), directory.size());
    return new IdentityComponents(domains, directory, settings.digestAuth() ? Optional.of(verifier) : Optional.empty(),
        verifier, settings.trustedProxies());
  }

  private static byte[] secret(IdentitySettings settings) {
    if (!settings.secret().isEmpty()) {
      return settings.secret().getBytes(StandardCharsets.UTF_8);
    }
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    if (settings.digestAuth()) {
      LOG.warn("digest_secret is empty: digest nonces are signed with a random key, so they are refused by other"
          + " nodes and after a restart (clients then authenticate again after a new challenge)");
    }
    return secret;
  }
}
