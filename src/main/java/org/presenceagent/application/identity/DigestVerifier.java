package org.presenceagent.application.identity;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.presenceagent.domain.shared.Aor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the digest credentials of one request (RFC 3261 section 22.4, RFC 7616 section 3.4, RFC
 * 8760 for SHA-256) against the {@link SubscriberDirectory}: accepted when the response is right for
 * the user's HA1, the nonce is ours and fresh, and its count was never used before (a replay gets a
 * new challenge); otherwise a new challenge, or a stale one ({@code stale=true}: right credentials,
 * old or forgotten nonce). Only {@code qop=auth} is accepted: without a count no replay could be
 * told apart. Which identity the user may then act as is the caller's rule (From, Request-URI, To).
 *
 * <p>The same verifier serves SIP and HTTP Digest (XCAP, RFC 7616): the arithmetic is the same.
 */
public final class DigestVerifier {

  private static final Logger LOG = LoggerFactory.getLogger(DigestVerifier.class);
  private static final String QOP_AUTH = "auth";

  /** What to answer. */
  public enum Outcome {
    /** The request comes from {@link Verdict#user()}. */
    ACCEPTED,
    /** 401 with a fresh challenge: no, foreign, malformed, wrong or replayed credentials. */
    CHALLENGE,
    /** 401 with a fresh challenge and {@code stale=true}: right credentials, nonce too old or forgotten. */
    STALE
  }

  /** @param user the authenticated user, present when accepted */
  public record Verdict(Outcome outcome, Optional<Aor> user) {
    static final Verdict CHALLENGE = new Verdict(Outcome.CHALLENGE, Optional.empty());
    static final Verdict STALE = new Verdict(Outcome.STALE, Optional.empty());
  }

  private final SubscriberDirectory subscribers;
  private final List<DigestAlgorithm> algorithms;
  private final StatelessNonces nonces;
  private final NonceCounter counts;
  /** Compared against when the user is unknown, so that unknown and known users take the same time. */
  private final String unknownUserHa1;

  /** @param algorithms the algorithms offered, most preferred first (RFC 8760 section 2.4) */
  public DigestVerifier(SubscriberDirectory subscribers, List<DigestAlgorithm> algorithms, StatelessNonces nonces,
      NonceCounter counts) {
    if (algorithms.isEmpty()) {
      throw new IllegalArgumentException("at least one digest algorithm is needed");
    }
    this.subscribers = subscribers;
    this.algorithms = List.copyOf(algorithms);
    this.nonces = nonces;
    this.counts = counts;
    this.unknownUserHa1 = DigestAlgorithm.SHA_256.hash("unknown user");
  }

  public String realm() {
    return subscribers.realm();
  }

  /** The algorithms to challenge with, most preferred first. */
  public List<DigestAlgorithm> algorithms() {
    return algorithms;
  }

  /** A nonce for a new challenge. */
  public String newNonce() {
    return nonces.issue();
  }

  /**
   * The values of a 401's challenge headers ({@code WWW-Authenticate}, RFC 3261 section 25.1 and RFC
   * 7616 section 3.3; the same for SIP and HTTP): one per algorithm, most preferred first (RFC 8760
   * section 2.4), all with one new nonce.
   *
   * @param stale whether the credentials were right but the nonce old ({@code stale=true})
   */
  public List<String> challenges(boolean stale) {
    String nonce = newNonce();
    List<String> challenges = new ArrayList<>(algorithms.size());
    for (DigestAlgorithm algorithm : algorithms) {
      // The realm holds no '"' or '\\' (checked at start-up), so it needs no escaping.
      challenges.add("Digest realm=\"" + realm() + "\", nonce=\"" + nonce + "\", algorithm=" + algorithm.token()
          + ", qop=\"auth\"" + (stale ? ", stale=true" : ""));
    }
    return challenges;
  }

  /**
   * @param requestUri the Request-URI (SIP) or request target (HTTP) the digest {@code uri} must equal
   * @param domain the domain of a username given without one (phones send the AOR's user part)
   * @param credentials the request's credentials for our realm, if any
   */
  public Verdict verify(String method, String requestUri, String domain, Optional<DigestCredentials> credentials) {
    if (credentials.isEmpty()) {
      return Verdict.CHALLENGE;
    }
    DigestCredentials given = credentials.get();
    Optional<DigestAlgorithm> algorithm = DigestAlgorithm.ofToken(given.algorithm()).filter(algorithms::contains);
    if (!realm().equals(given.realm()) || algorithm.isEmpty()
        || !given.qop().map(QOP_AUTH::equalsIgnoreCase).orElse(false)
        || given.nonceCount().isEmpty() || given.cnonce().isEmpty()) {
      LOG.debug("{}: credentials for another realm or algorithm, or without qop=auth", method);
      return Verdict.CHALLENGE;
    }
    long nonceCount = nonceCount(given.nonceCount().get());
    if (nonceCount < 1) {
      return Verdict.CHALLENGE;
    }
    if (!given.uri().equalsIgnoreCase(requestUri)) {
      // RFC 7616 section 3.4.6: a response computed for another URI is no answer to this request.
      LOG.debug("{}: digest uri {} is not the request's {}", method, given.uri(), requestUri);
      return Verdict.CHALLENGE;
    }
    Optional<Aor> user = userOf(given.username(), domain);
    Optional<String> ha1 = user.flatMap(subscribers::find)
        .flatMap(subscriber -> subscriber.ha1(given.username(), algorithm.get() == DigestAlgorithm.SHA_256));
    DigestAlgorithm h = algorithm.get();
    String expected = h.response(ha1.orElse(unknownUserHa1), given.nonce(), given.nonceCount().get(),
        given.cnonce().get(), QOP_AUTH, h.ha2(method, given.uri()));
    boolean matches = MessageDigest.isEqual(expected.getBytes(US_ASCII),
        given.response().toLowerCase(Locale.ROOT).getBytes(US_ASCII));
    if (!matches || ha1.isEmpty()) {
      LOG.debug("{}: wrong credentials for user {}", method, given.username());
      return Verdict.CHALLENGE; // RFC 3261 section 22.4: re-challenge
    }
    switch (nonces.check(given.nonce())) {
      case FORGED:
        return Verdict.CHALLENGE;
      case STALE:
        return Verdict.STALE;
      default:
        break;
    }
    switch (counts.use(given.nonce(), nonceCount)) {
      case REPLAYED:
        LOG.info("{} from {} refused: nonce count {} was used before (a replay)", method, user.get(), nonceCount);
        return Verdict.CHALLENGE;
      case UNKNOWN:
        return Verdict.STALE;
      default:
        return new Verdict(Outcome.ACCEPTED, user);
    }
  }

  /** {@code alice} (in the given domain) or {@code alice@example.com}. */
  private static Optional<Aor> userOf(String username, String domain) {
    try {
      int at = username.lastIndexOf('@');
      return Optional.of(at < 0 ? Aor.of(username, domain) : Aor.of(username.substring(0, at), username.substring(at + 1)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The {@code nc} value: 8 hex digits (RFC 7616 section 3.4); 0 when malformed. */
  private static long nonceCount(String value) {
    if (value.isEmpty() || value.length() > 8) {
      return 0;
    }
    try {
      return Long.parseLong(value, 16);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
