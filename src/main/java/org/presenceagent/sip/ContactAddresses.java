package org.presenceagent.sip;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipURI;
import javax.servlet.sip.URI;

/**
 * Which contact addresses a REGISTER may bind. A binding is where this server sends MESSAGEs, so
 * a contact at a loopback, private, link-local, unique-local or unspecified address would let
 * anyone on the Internet make the server talk to services on its own host or network (a
 * server-side request forgery through SIP). Such a contact is accepted only from a client at that
 * very address (a phone on the server's own network, a client on the same host) or when the
 * operator allows it ({@code allow_internal_contacts=1}).
 *
 * <p>Only IP literals are judged: resolving a host name on the request path would make every
 * REGISTER wait for DNS, and the name could resolve differently when the MESSAGE is sent. The
 * check is a few comparisons on the literal's bytes; it never looks anything up.
 */
final class ContactAddresses {

  private ContactAddresses() {}

  /**
   * @throws SipResponseException 403 when the contact is internal and not the client's own address
   */
  static void requireAllowed(URI contact, SipServletRequest request, boolean allowInternal) {
    if (allowInternal || !(contact instanceof SipURI sip)) {
      return;
    }
    InetAddress address = literal(sip.getHost());
    if (address == null || !isInternal(address)) {
      return;
    }
    InetAddress source = literal(request.getRemoteAddr());
    if (source != null && source.equals(address)) {
      return; // the client is there itself
    }
    throw new SipResponseException(403, "Forbidden (Contact at an internal address: " + sip.getHost() + ")");
  }

  static boolean isInternal(InetAddress address) {
    byte[] bytes = address.getAddress();
    boolean uniqueLocal = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc; // fc00::/7, RFC 4193
    boolean thisNetwork = bytes.length == 4 && bytes[0] == 0; // 0.0.0.0/8, RFC 1122
    boolean sharedSpace = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64; // RFC 6598
    return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
        || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocal || thisNetwork || sharedSpace;
  }

  /** The address of an IP literal (IPv4 dotted quad, IPv6 with or without brackets); {@code null} for a name. */
  static InetAddress literal(String host) {
    if (host == null || host.isEmpty()) {
      return null;
    }
    String text = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if ("localhost".equals(text.toLowerCase(Locale.ROOT))) {
      return InetAddress.getLoopbackAddress();
    }
    try {
      if (text.indexOf(':') >= 0) {
        // With a colon the JDK parses an IPv6 literal and never looks it up (it fails instead).
        return text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')
            ? InetAddress.getByName(text) : null;
      }
      byte[] ipv4 = dottedQuad(text);
      return ipv4 == null ? null : InetAddress.getByAddress(ipv4); // a name is not resolved (see above)
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static byte[] dottedQuad(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      String part = parts[i];
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return null;
      }
      int value = Integer.parseInt(part);
      if (value > 255) {
        return null;
      }
      bytes[i] = (byte) value;
    }
    return bytes;
  }
}
