package org.presenceagent.web.admin;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Who may use the admin API: nobody until operators are configured, then operators proving their
 * password with HTTP basic authentication (RFC 7617), and by default only from a loopback address,
 * so that the API is off the public interface unless {@code admin_remote=1} says otherwise. Basic
 * credentials travel in clear text: put TLS in front before enabling remote access.
 */
public final class AdminAccess {

  /** The {@code WWW-Authenticate} challenge of a 401 (RFC 7617 section 2). */
  public static final String CHALLENGE = "Basic realm=\"presence-agent-admin\", charset=\"UTF-8\"";

  /** The outcome of a check, in the order they are made. */
  public enum Verdict {
    /** The client is not on a loopback address and {@code admin_remote=0}: 403. */
    NOT_LOCAL,
    /** No operators configured: the API is off (503 saying how to enable it). */
    DISABLED,
    /** Missing or wrong credentials: 401 with a challenge. */
    UNAUTHENTICATED,
    ALLOWED
  }

  private final Map<String, byte[]> passwordDigests;
  private final boolean remote;
  /** Compared against when the user is unknown, so that the time taken does not tell. */
  private final byte[] unknownUserDigest = digest("\u0000 no such operator");

  private AdminAccess(Map<String, byte[]> passwordDigests, boolean remote) {
    this.passwordDigests = passwordDigests;
    this.remote = remote;
  }

  /**
   * @param credentials password by operator name ({@code admin_credentials})
   * @param remote whether clients off the loopback interface are served ({@code admin_remote})
   */
  public static AdminAccess of(Map<String, String> credentials, boolean remote) {
    Map<String, byte[]> digests = new HashMap<>();
    credentials.forEach((user, password) -> digests.put(user, digest(password)));
    return new AdminAccess(Map.copyOf(digests), remote);
  }

  /**
   * Checks one request.
   *
   * @param remoteAddress the client's IP address as the container reports it
   * @param authorization the {@code Authorization} header, {@code null} when absent
   */
  public Verdict check(String remoteAddress, String authorization) {
    if (!reachableFrom(remoteAddress)) {
      return Verdict.NOT_LOCAL;
    }
    if (passwordDigests.isEmpty()) {
      return Verdict.DISABLED;
    }
    return authenticated(authorization) ? Verdict.ALLOWED : Verdict.UNAUTHENTICATED;
  }

  /**
   * Whether an operator's name and password are right (the console's sign-in form), compared as
   * for basic authentication.
   */
  public boolean passwordMatches(String user, String password) {
    if (user == null || password == null || user.isEmpty()) {
      return false;
    }
    byte[] expected = passwordDigests.getOrDefault(user, unknownUserDigest);
    boolean matches = MessageDigest.isEqual(expected, digest(password));
    return matches && expected != unknownUserDigest;
  }

  /** Whether any operator is configured ({@code admin_credentials}). */
  public boolean enabled() {
    return !passwordDigests.isEmpty();
  }

  /** Whether the client may reach the admin API at all ({@code admin_remote} or a loopback address). */
  public boolean reachableFrom(String remoteAddress) {
    return remote || isLoopback(remoteAddress);
  }

  private boolean authenticated(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = decoded.indexOf(':');
    // Digests of equal length compared in constant time: neither the length nor the content of a
    // password shows in the time taken.
    return colon > 0 && passwordMatches(decoded.substring(0, colon), decoded.substring(colon + 1));
  }

  private static boolean isLoopback(String address) {
    if (address == null || address.isEmpty() || !address.matches("[0-9a-fA-F:.%\\[\\]]+")) {
      return false; // only IP literals, so the check never resolves a name
    }
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static byte[] digest(String password) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
