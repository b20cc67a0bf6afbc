package org.presenceagent.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.presenceagent.domain.shared.Aor;

/**
 * Access control of the XCAP server: HTTP basic authentication (RFC 7617) against configured
 * credentials, after which a user may touch only the documents of their own XUI (RFC 4825
 * section 5.7 leaves the policy to the usage; pres-rules are private to their owner, RFC 5025
 * section 9.8). Basic credentials travel in clear text: put TLS in front in production. The open
 * mode lets anybody touch any document, for local testing only.
 */
public final class XcapAccess {

  /** The {@code WWW-Authenticate} challenge of a 401 (RFC 7617 section 2). */
  public static final String CHALLENGE = "Basic realm=\"presence-agent\", charset=\"UTF-8\"";

  private final boolean open;
  private final Map<Aor, byte[]> passwords;

  private XcapAccess(boolean open, Map<Aor, byte[]> passwords) {
    this.open = open;
    this.passwords = passwords;
  }

  /** Everybody may touch every document (the {@code xcap_open} mode). */
  public static XcapAccess open() {
    return new XcapAccess(true, Map.of());
  }

  /** @param credentials password by user ({@code user@host}) */
  public static XcapAccess withCredentials(Map<String, String> credentials) {
    Map<Aor, byte[]> passwords = new HashMap<>();
    credentials.forEach((user, password) ->
        passwords.put(userAor(user).orElseThrow(), password.getBytes(StandardCharsets.UTF_8)));
    return new XcapAccess(false, Map.copyOf(passwords));
  }

  public boolean isOpen() {
    return open;
  }

  /**
   * The user an {@code Authorization} header proves, if it holds valid basic credentials; in the
   * open mode there is no need to ask.
   */
  public Optional<Aor> authenticate(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    Optional<Aor> user = userAor(decoded.substring(0, colon));
    byte[] expected = user.map(passwords::get).orElse(null);
    byte[] given = decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
    // Constant-time comparison: the time taken must not tell how much of a password was right.
    return expected != null && MessageDigest.isEqual(expected, given) ? user : Optional.empty();
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
