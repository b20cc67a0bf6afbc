package org.presenceagent.sip;

import java.util.ListIterator;
import java.util.Map;
import java.util.Optional;
import javax.servlet.sip.Address;
import javax.servlet.sip.ServletParseException;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipURI;
import org.presenceagent.application.identity.AddressRanges;
import org.presenceagent.application.identity.DigestAuthorizationParser;
import org.presenceagent.application.identity.DigestCredentials;
import org.presenceagent.application.identity.DigestVerifier;
import org.presenceagent.application.identity.DigestVerifier.Verdict;
import org.presenceagent.application.identity.LocalDomains;
import org.presenceagent.domain.shared.Aor;

/**
 * Who sent a request, before any use case sees it (what Kamailio's routing script does in front of
 * its presence module): the target must be one of our {@link LocalDomains} (else 403); a request
 * from a trusted proxy is from its {@code P-Asserted-Identity} (RFC 3325 section 9.1; From when it
 * has none); any other request is digest-authenticated when digest is on (RFC 3261 section 22.4: 401
 * with one challenge per algorithm) or, in the open mode, is from whoever its From says. The
 * identity proven must then be the one the request acts for ({@link Binding}), else 403.
 */
final class IdentityCheck {

  /** Which address the proven identity must be. */
  enum Binding {
    /**
     * The sender (From) of a SUBSCRIBE or MESSAGE: the watcher or sender the rules judge is the one
     * who proved it. With winfo_auth=implicit, the watcher-info policy then admits only the owner.
     */
    SENDER,
    /** The resource the request changes: the Request-URI of PUBLISH, the To of REGISTER. */
    TARGET
  }

  /** The open mode with every domain local: what a handler without configuration does (tests). */
  static final IdentityCheck OPEN = new IdentityCheck(Optional.empty(), AddressRanges.NONE, Optional.empty());

  private final Optional<DigestVerifier> digest;
  private final AddressRanges trustedProxies;
  private final Optional<LocalDomains> domains;

  IdentityCheck(Optional<DigestVerifier> digest, AddressRanges trustedProxies, Optional<LocalDomains> domains) {
    this.digest = digest;
    this.trustedProxies = trustedProxies;
    this.domains = domains;
  }

  /**
   * The identity the request comes from, or the 401/403 it gets.
   *
   * @param target the resource addressed (Request-URI, or To of a REGISTER or in-dialog request)
   * @param from the From AOR
   * @param foreignReason the reason phrase of the 403 for a foreign target
   */
  Aor sender(SipServletRequest request, Aor target, Aor from, Binding binding, String foreignReason) {
    if (domains.isPresent() && !domains.get().isLocal(target)) {
      throw new SipResponseException(403, foreignReason);
    }
    if (trustedProxies.contains(request.getRemoteAddr())) {
      Aor asserted = assertedIdentity(request).orElse(from);
      requireBound(asserted, target, binding);
      return asserted;
    }
    if (digest.isEmpty()) {
      if (!trustedProxies.isEmpty()) {
        // Behind a proxy the proxy authenticates: a request that went around it proves nothing.
        throw new SipResponseException(403, "Forbidden (send through the proxy)");
      }
      return from;
    }
    Aor bound = binding == Binding.SENDER ? from : target;
    Aor user = authenticate(request, bound.host());
    if (!user.equals(bound)) {
      throw new SipResponseException(403, "Forbidden (authenticated as " + user.uri() + ")");
    }
    return user;
  }

  private static void requireBound(Aor identity, Aor target, Binding binding) {
    if (binding == Binding.TARGET && !identity.equals(target)) {
      throw new SipResponseException(403, "Forbidden (asserted identity is not " + target.uri() + ")");
    }
  }

  private Aor authenticate(SipServletRequest request, String domain) {
    DigestVerifier verifier = digest.get();
    Verdict verdict = verifier.verify(request.getMethod(), request.getRequestURI().toString(), domain,
        credentials(request, verifier.realm()));
    return switch (verdict.outcome()) {
      case ACCEPTED -> verdict.user().orElseThrow();
      case STALE -> throw challenge(verifier, true);
      case CHALLENGE -> throw challenge(verifier, false);
    };
  }

  /** The 401 (RFC 3261 section 22.4, RFC 8760 section 2.4: one challenge per algorithm, preferred first). */
  private static SipResponseException challenge(DigestVerifier verifier, boolean stale) {
    return new SipResponseException(401, "Unauthorized", Map.of(), verifier.challenges(stale));
  }

  /** The request's digest credentials for our realm (a request may carry some for other realms). */
  private static Optional<DigestCredentials> credentials(SipServletRequest request, String realm) {
    ListIterator<String> headers = request.getHeaders(SipHeaders.AUTHORIZATION);
    while (headers.hasNext()) {
      Optional<DigestCredentials> credentials = DigestAuthorizationParser.parse(headers.next());
      if (credentials.isPresent() && credentials.get().realm().equals(realm)) {
        return credentials;
      }
    }
    return Optional.empty();
  }

  /** The first SIP URI of the P-Asserted-Identity headers (a tel URI may come with it, RFC 3325 9.1). */
  private static Optional<Aor> assertedIdentity(SipServletRequest request) {
    try {
      ListIterator<Address> identities = request.getAddressHeaders(SipHeaders.P_ASSERTED_IDENTITY);
      while (identities.hasNext()) {
        Address identity = identities.next();
        if (identity.getURI() instanceof SipURI uri) {
          return Optional.of(Aor.parse(uri.toString()));
        }
      }
    } catch (ServletParseException | IllegalArgumentException e) {
      throw SipResponseException.badRequest("Invalid P-Asserted-Identity header");
    }
    return Optional.empty();
  }
}
