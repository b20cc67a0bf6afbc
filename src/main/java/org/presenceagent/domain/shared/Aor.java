package org.presenceagent.domain.shared;

import java.util.Locale;
import java.util.Objects;

/**
 * An address of record ({@code sip:user@domain}), the identity of a presentity or a watcher.
 *
 * <p>Normalised so that two spellings of one user compare equal: the {@code pres:}, {@code sips:}
 * and {@code sip:} schemes are folded into {@code sip:} (RFC 3856 section 3 lets a SUBSCRIBE name
 * the presentity with a pres URI), URI parameters, headers and the port are dropped, and the host
 * is lower-cased (RFC 3261 section 19.1.4: the user part is case-sensitive, the host is not).
 */
public final class Aor {

  private final String user;
  private final String host;

  private Aor(String user, String host) {
    this.user = user;
    this.host = host;
  }

  /** Builds an AOR from its two parts; both must be non-empty and free of URI delimiters. */
  public static Aor of(String user, String host) {
    if (user == null || user.isEmpty() || host == null || host.isEmpty()) {
      throw new IllegalArgumentException("an address of record needs a user and a host");
    }
    if (containsAny(user, "@;?<> \t\r\n") || containsAny(host, "@;?<>/ \t\r\n")) {
      throw new IllegalArgumentException("invalid address of record: " + user + "@" + host);
    }
    return new Aor(user, host.toLowerCase(Locale.ROOT));
  }

  /**
   * Parses {@code sip:}, {@code sips:} and {@code pres:} URIs (without angle brackets).
   *
   * @throws IllegalArgumentException when the text is not such a URI with a user part
   */
  public static Aor parse(String uri) {
    if (uri == null) {
      throw new IllegalArgumentException("missing URI");
    }
    String text = uri.trim();
    int colon = text.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("not a SIP or pres URI: " + uri);
    }
    String scheme = text.substring(0, colon).toLowerCase(Locale.ROOT);
    if (!scheme.equals("sip") && !scheme.equals("sips") && !scheme.equals("pres")) {
      throw new IllegalArgumentException("unsupported URI scheme: " + scheme);
    }
    String rest = cutAt(cutAt(text.substring(colon + 1), ';'), '?');
    int at = rest.lastIndexOf('@');
    if (at <= 0) {
      throw new IllegalArgumentException("URI without a user part: " + uri);
    }
    return of(rest.substring(0, at), stripPort(rest.substring(at + 1)));
  }

  public String user() {
    return user;
  }

  public String host() {
    return host;
  }

  /** The canonical {@code sip:user@host} form. */
  public String uri() {
    return "sip:" + user + "@" + host;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Aor aor && aor.user.equals(user) && aor.host.equals(host);
  }

  @Override
  public int hashCode() {
    return Objects.hash(user, host);
  }

  @Override
  public String toString() {
    return uri();
  }

  private static String stripPort(String hostPort) {
    if (hostPort.startsWith("[")) { // IPv6 reference
      int close = hostPort.indexOf(']');
      return close > 0 ? hostPort.substring(0, close + 1) : hostPort;
    }
    return cutAt(hostPort, ':');
  }

  private static String cutAt(String text, char delimiter) {
    int index = text.indexOf(delimiter);
    return index < 0 ? text : text.substring(0, index);
  }

  private static boolean containsAny(String text, String characters) {
    for (int i = 0; i < characters.length(); i++) {
      if (text.indexOf(characters.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }
}
