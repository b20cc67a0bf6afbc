package org.presenceagent.application.digest;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.presenceagent.domain.shared.Aor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a REGISTER carries valid digest credentials (RFC 3261 section 22.4, RFC 2617
 * section 3.2.2, MD5 with {@code qop=auth} or without qop): accepted when the response matches the
 * user's HA1, the nonce is one of ours and fresh, and the user is the one whose bindings the
 * request changes (the To AOR, RFC 3261 section 10.3 step 3); otherwise a new challenge (401), a
 * stale one (401 with {@code stale=true}: right credentials, old nonce), or 403 for a user
 * registering somebody else.
 *
 * <p>Done by the application rather than by the container's DIGEST authenticator: that one is
 * switched on by a security-constraint in sip.xml and reads users from the container's realm
 * (Tomcat's or a WildFly security domain), so it could not be turned on and off by a parameter nor
 * configured the same way in every container, and its nonces live in one node's memory.
 */
public final class RegisterAuthenticator {

  private static final Logger LOG = LoggerFactory.getLogger(RegisterAuthenticator.class);
  private static final String QOP_AUTH = "auth";
  private static final String MD5 = "MD5";
  /** Compared against when the user is unknown, so that unknown and known users take the same time. */
  private static final String UNKNOWN_USER_HA1 = Md5Digest.md5("unknown user");

  /** What to answer. */
  public enum Outcome {
    /** The request may proceed. */
    ACCEPTED,
    /** 401 with a fresh challenge: no, foreign, malformed or wrong credentials. */
    CHALLENGE,
    /** 401 with a fresh challenge and {@code stale=true}: right credentials, expired nonce. */
    STALE,
    /** 403: valid credentials of a user other than the To AOR's. */
    FORBIDDEN
  }

  /**
   * @param nonce the fresh nonce to challenge with ({@code CHALLENGE}, {@code STALE}); empty otherwise
   */
  public record Decision(Outcome outcome, Optional<String> nonce) {}

  private final String realm;
  private final Map<String, String> ha1ByUser;
  private final StatelessNonces nonces;

  /**
   * @param ha1ByUser each user's {@code MD5(user:realm:password)}, in lower-case hex
   */
  public RegisterAuthenticator(String realm, Map<String, String> ha1ByUser, StatelessNonces nonces) {
    this.realm = realm;
    this.ha1ByUser = Map.copyOf(ha1ByUser);
    this.nonces = nonces;
  }

  public String realm() {
    return realm;
  }

  /**
   * @param credentials the request's Authorization for our realm, if any
   * @param to the AOR whose bindings the request changes
   */
  public Decision authenticate(String method, String requestUri, Aor to, Optional<DigestCredentials> credentials) {
    if (credentials.isEmpty()) {
      return challenge(Outcome.CHALLENGE);
    }
    DigestCredentials given = credentials.get();
    if (!realm.equals(given.realm()) || !given.algorithm().map(MD5::equalsIgnoreCase).orElse(true)
        || !given.qop().map(QOP_AUTH::equalsIgnoreCase).orElse(true)
        || (given.qop().isPresent() && (given.nonceCount().isEmpty() || given.cnonce().isEmpty()))) {
      LOG.debug("REGISTER for {}: credentials for another realm, algorithm or qop", to);
      return challenge(Outcome.CHALLENGE);
    }
    if (!given.uri().equalsIgnoreCase(requestUri)) {
      // RFC 7616 section 3.4.6: a response computed for another URI is no answer to this request.
      LOG.debug("REGISTER for {}: digest uri {} is not the Request-URI {}", to, given.uri(), requestUri);
      return challenge(Outcome.CHALLENGE);
    }
    String ha1 = ha1ByUser.getOrDefault(given.username(), UNKNOWN_USER_HA1);
    String ha2 = Md5Digest.ha2(method, given.uri());
    String expected = given.qop().isPresent()
        ? Md5Digest.response(ha1, given.nonce(), given.nonceCount().get(), given.cnonce().get(), QOP_AUTH, ha2)
        : Md5Digest.response(ha1, given.nonce(), ha2);
    boolean matches = MessageDigest.isEqual(expected.getBytes(US_ASCII),
        given.response().toLowerCase(Locale.ROOT).getBytes(US_ASCII));
    if (!matches || !ha1ByUser.containsKey(given.username())) {
      LOG.debug("REGISTER for {}: wrong credentials for user {}", to, given.username());
      return challenge(Outcome.CHALLENGE); // RFC 3261 section 22.4: re-challenge
    }
    switch (nonces.check(given.nonce())) {
      case FORGED:
        return challenge(Outcome.CHALLENGE);
      case STALE:
        return challenge(Outcome.STALE);
      default:
        break;
    }
    if (!isUserOf(given.username(), to)) {
      LOG.debug("REGISTER for {} refused: authenticated as {}", to, given.username());
      return new Decision(Outcome.FORBIDDEN, Optional.empty());
    }
    return new Decision(Outcome.ACCEPTED, Optional.empty());
  }

  /** Phones send the AOR's user part as username; some send user@host. */
  private static boolean isUserOf(String username, Aor to) {
    return username.equals(to.user()) || username.equals(to.user() + "@" + to.host());
  }

  private Decision challenge(Outcome outcome) {
    return new Decision(outcome, Optional.of(nonces.issue()));
  }
}
