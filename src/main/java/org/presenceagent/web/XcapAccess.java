package org.presenceagent.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.presenceagent.application.identity.DigestAuthorizationParser;
import org.presenceagent.application.identity.DigestCredentials;
import org.presenceagent.application.identity.DigestVerifier;
import org.presenceagent.application.identity.DigestVerifier.Verdict;
import org.presenceagent.application.identity.SubscriberDirectory;
import org.presenceagent.domain.shared.Aor;

/**
 * Access control of the XCAP server: the same subscribers as SIP, proven by HTTP Digest (RFC 7616,
 * with the SIP side's verifier: same realm, nonces and replay protection) or HTTP basic (RFC 7617:
 * the password's HA1 is recomputed and compared, as only hashes are kept); after that a user may
 * touch only the documents of their own XUI (RFC 4825 section 5.7 leaves the policy to the usage;
 * pres-rules are private to their owner, RFC 5025 section 9.8). Basic credentials travel in clear
 * text: put TLS in front in production. The open mode lets anybody touch any document, for local
 * testing only.
 */
public final class XcapAccess {

  /** What an Authorization header proved. */
  public record Authentication(Optional<Aor> user, boolean stale) {
    static final Authentication NOBODY = new Authentication(Optional.empty(), false);
  }

  private final boolean open;
  private final SubscriberDirectory subscribers;
  private final DigestVerifier digest;

  private XcapAccess(boolean open, SubscriberDirectory subscribers, DigestVerifier digest) {
    this.open = open;
    this.subscribers = subscribers;
    this.digest = digest;
  }

  /** Everybody may touch every document (the {@code xcap_open} mode). */
  public static XcapAccess open() {
    return new XcapAccess(true, null, null);
  }

  /** Users are the subscribers, by digest or basic authentication. */
  public static XcapAccess withSubscribers(SubscriberDirectory subscribers, DigestVerifier digest) {
    return new XcapAccess(false, subscribers, digest);
  }

  public boolean isOpen() {
    return open;
  }

  /**
   * The user an {@code Authorization} header proves, if any.
   *
   * @param requestTarget the request line's target, which a digest {@code uri} must equal
   */
  public Authentication authenticate(String method, String requestTarget, String authorization) {
    if (authorization == null) {
      return Authentication.NOBODY;
    }
    if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return new Authentication(basic(authorization.substring(6).trim()), false);
    }
    Optional<DigestCredentials> credentials = DigestAuthorizationParser.parse(authorization);
    if (credentials.isEmpty()) {
      return Authentication.NOBODY;
    }
    Verdict verdict = digest.verify(method, requestTarget, subscribers.realm(), credentials);
    return new Authentication(verdict.user(), verdict.outcome() == DigestVerifier.Outcome.STALE);
  }

  private Optional<Aor> basic(String encoded) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    Optional<Aor> user = userAor(decoded.substring(0, colon));
    String password = decoded.substring(colon + 1);
    return user.filter(aor -> subscribers.find(aor).filter(subscriber -> subscriber.hasPassword(password)).isPresent());
  }

  /**
   * The {@code WWW-Authenticate} values of a 401, one header each (RFC 7235 section 4.1): a digest
   * challenge per algorithm, preferred first, then basic.
   */
  public List<String> challenges(boolean stale) {
    List<String> challenges = new ArrayList<>(digest.challenges(stale));
    challenges.add("Basic realm=\"" + digest.realm() + "\", charset=\"UTF-8\"");
    return challenges;
  }

  /** Whether the authenticated user (empty in the open mode) may touch the documents of {@code owner}. */
  public boolean mayAccess(Optional<Aor> user, Aor owner) {
    return open || user.filter(owner::equals).isPresent();
  }

  /**
   * A user name as basic authentication and XUIs carry it: {@code user@host}, or a full {@code
   * sip:} URI (in a path; a basic user name cannot hold the colon).
   */
  public static Optional<Aor> userAor(String user) {
    try {
      return Optional.of(Aor.parse(user.contains(":") ? user : "sip:" + user));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
