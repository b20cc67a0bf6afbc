package org.presenceagent.application.identity;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The digest algorithms we accept, with the arithmetic of RFC 7616 section 3.4.1 (RFC 2617 section
 * 3.2.2 for MD5) in lower-case hex: {@code HA1 = H(username:realm:password)},
 * {@code HA2 = H(method:digest-uri)}, and with {@code qop=auth} the response
 * {@code H(HA1:nonce:nc:cnonce:qop:HA2)}. SIP uses SHA-256 since RFC 8760 (section 2.2).
 */
public enum DigestAlgorithm {
  MD5("MD5", "MD5"),
  SHA_256("SHA-256", "SHA-256");

  private final String token;
  private final String jcaName;

  DigestAlgorithm(String token, String jcaName) {
    this.token = token;
    this.jcaName = jcaName;
  }

  /** The {@code algorithm} parameter's value (RFC 8760 section 2.1). */
  public String token() {
    return token;
  }

  /** The algorithm a client names; absent means MD5 (RFC 7616 section 3.3). */
  public static Optional<DigestAlgorithm> ofToken(Optional<String> token) {
    if (token.isEmpty()) {
      return Optional.of(MD5);
    }
    String name = token.get().toUpperCase(Locale.ROOT);
    for (DigestAlgorithm algorithm : values()) {
      if (algorithm.token.equals(name)) {
        return Optional.of(algorithm);
      }
    }
    return Optional.empty();
  }

  /** {@code H(username:realm:password)}: what the subscriber store keeps instead of the password. */
  public String ha1(String username, String realm, String password) {
    return hash(username + ":" + realm + ":" + password);
  }

  /** {@code H(method:digest-uri)} for {@code qop=auth}. */
  public String ha2(String method, String digestUri) {
    return hash(method + ":" + digestUri);
  }

  /** The expected {@code response} with {@code qop=auth} (RFC 7616 section 3.4.1). */
  public String response(String ha1, String nonce, String nonceCount, String cnonce, String qop, String ha2) {
    return hash(ha1 + ":" + nonce + ":" + nonceCount + ":" + cnonce + ":" + qop + ":" + ha2);
  }

  /** The hex length of this algorithm's hashes (32 for MD5, 64 for SHA-256). */
  public int hexLength() {
    return this == MD5 ? 32 : 64;
  }

  String hash(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(jcaName).digest(text.getBytes(UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides " + jcaName, e);
    }
  }
}
