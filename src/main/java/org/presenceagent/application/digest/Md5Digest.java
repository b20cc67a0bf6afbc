package org.presenceagent.application.digest;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The MD5 digest arithmetic of RFC 2617 section 3.2.2 (kept by RFC 7616 section 3.4.1 for
 * {@code algorithm=MD5}), as hex strings in lower case:
 * {@code HA1 = MD5(username:realm:password)}, {@code HA2 = MD5(method:digest-uri)}, and the
 * response {@code MD5(HA1:nonce:nc:cnonce:qop:HA2)} with {@code qop=auth}, or
 * {@code MD5(HA1:nonce:HA2)} without qop (RFC 2069).
 *
 * <p>Written on the JDK's MessageDigest rather than JAIN-SIP's
 * {@code gov.nist.javax.sip.clientauthutils.MessageDigestAlgorithm}: that class is the client side's,
 * belongs to the container (not to the WAR), and would add nothing but a dependency.
 */
public final class Md5Digest {

  private Md5Digest() {}

  /** {@code MD5(username:realm:password)}: what a credentials store may keep instead of the password. */
  public static String ha1(String username, String realm, String password) {
    return md5(username + ":" + realm + ":" + password);
  }

  /** {@code MD5(method:digest-uri)} for {@code qop=auth} or no qop. */
  public static String ha2(String method, String digestUri) {
    return md5(method + ":" + digestUri);
  }

  /** The expected {@code response} with {@code qop=auth} (RFC 2617 section 3.2.2.1). */
  public static String response(String ha1, String nonce, String nonceCount, String cnonce, String qop, String ha2) {
    return md5(ha1 + ":" + nonce + ":" + nonceCount + ":" + cnonce + ":" + qop + ":" + ha2);
  }

  /** The expected {@code response} without qop (RFC 2069, RFC 2617 section 3.2.2.1). */
  public static String response(String ha1, String nonce, String ha2) {
    return md5(ha1 + ":" + nonce + ":" + ha2);
  }

  static String md5(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides MD5", e);
    }
  }
}
