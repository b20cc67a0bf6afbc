package org.presenceagent.sip;

import java.util.Map;
import java.util.Optional;
import javax.servlet.sip.SipServletRequest;
import org.presenceagent.application.digest.DigestCredentials;
import org.presenceagent.application.digest.RegisterAuthenticator;
import org.presenceagent.application.digest.RegisterAuthenticator.Decision;
import org.presenceagent.domain.shared.Aor;

/**
 * Digest authentication of a REGISTER (RFC 3261 section 22.4) with the registrar's
 * {@link RegisterAuthenticator}: passes, or throws the 401 with a {@code WWW-Authenticate}
 * challenge (RFC 3261 section 20.44) or the 403 the request gets.
 */
final class RegisterDigest {

  static final String AUTHORIZATION = "Authorization";
  static final String WWW_AUTHENTICATE = "WWW-Authenticate";

  private RegisterDigest() {}

  static void require(SipServletRequest request, Aor to, RegisterAuthenticator authenticator) {
    Decision decision = authenticator.authenticate(request.getMethod(), request.getRequestURI().toString(), to,
        credentialsFor(request, authenticator.realm()));
    switch (decision.outcome()) {
      case ACCEPTED:
        return;
      case FORBIDDEN:
        throw new SipResponseException(403, "Forbidden (credentials of another user)");
      case STALE:
        throw new SipResponseException(401, "Unauthorized",
            Map.of(WWW_AUTHENTICATE, challenge(authenticator.realm(), decision.nonce().orElseThrow(), true)));
      default:
        throw new SipResponseException(401, "Unauthorized",
            Map.of(WWW_AUTHENTICATE, challenge(authenticator.realm(), decision.nonce().orElseThrow(), false)));
    }
  }

  /** The request's digest credentials for our realm (a request may carry some for other realms). */
  private static Optional<DigestCredentials> credentialsFor(SipServletRequest request, String realm) {
    Optional<DigestCredentials> any = Optional.empty();
    var headers = request.getHeaders(AUTHORIZATION);
    while (headers.hasNext()) {
      Optional<DigestCredentials> credentials = DigestAuthorizationParser.parse(headers.next());
      if (credentials.isPresent() && credentials.get().realm().equals(realm)) {
        return credentials;
      }
      any = any.or(() -> credentials);
    }
    return any;
  }

  /** RFC 3261 section 25.1 {@code challenge}, with the RFC 2617 parameters we support. */
  static String challenge(String realm, String nonce, boolean stale) {
    return "Digest realm=\"" + realm.replace("\\", "\\\\").replace("\"", "\\\"") + "\", nonce=\"" + nonce
        + "\", algorithm=MD5, qop=\"auth\"" + (stale ? ", stale=true" : "");
  }
}
