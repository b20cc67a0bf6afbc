package org.presenceagent.application.identity;

import java.util.Objects;
import java.util.Optional;
import org.presenceagent.domain.shared.Aor;

/**
 * A user who may authenticate: the address of record and the HA1 hashes of the password in one
 * realm, never the password (RFC 7616 section 5.13; Kamailio's {@code subscriber} table keeps
 * {@code ha1} and {@code ha1b} the same way). Phones send either the AOR's user part or
 * {@code user@domain} as digest username, and each gives another HA1, so both are kept per
 * algorithm: {@code md5}/{@code sha256} for the user part, {@code md5b}/{@code sha256b} for
 * {@code user@domain}. A hash that is unknown (an htdigest file holds MD5 of the user part only)
 * is empty; such a user cannot answer with that algorithm or username form.
 *
 * @param aor the identity the user proves, e.g. {@code sip:alice@example.com}
 * @param realm the digest realm the hashes were computed for
 * @param configured whether it comes from a parameter or file (read-only) rather than the database
 */
public record Subscriber(
    Aor aor,
    String realm,
    Optional<String> md5,
    Optional<String> md5b,
    Optional<String> sha256,
    Optional<String> sha256b,
    boolean configured) {

  public Subscriber {
    Objects.requireNonNull(aor, "aor");
    Objects.requireNonNull(realm, "realm");
  }

  /** A subscriber whose hashes are computed from a password (the password itself is dropped). */
  public static Subscriber withPassword(Aor aor, String realm, String password, boolean configured) {
    if (password == null || password.isEmpty()) {
      throw new IllegalArgumentException("a password must not be empty");
    }
    String full = aor.user() + "@" + aor.host();
    return new Subscriber(aor, realm,
        Optional.of(DigestAlgorithm.MD5.ha1(aor.user(), realm, password)), Optional.of(DigestAlgorithm.MD5.ha1(full, realm, password)),
        Optional.of(DigestAlgorithm.SHA_256.ha1(aor.user(), realm, password)),
        Optional.of(DigestAlgorithm.SHA_256.ha1(full, realm, password)), configured);
  }

  /**
   * The HA1 for a digest username: the user part or {@code user@domain}.
   *
   * @param sha256 SHA-256 rather than MD5
   */
  public Optional<String> ha1(String username, boolean sha256) {
    boolean userPart = username.equals(aor.user());
    if (!userPart && !username.equals(aor.user() + "@" + aor.host())) {
      return Optional.empty();
    }
    if (sha256) {
      return userPart ? this.sha256 : sha256b;
    }
    return userPart ? md5 : md5b;
  }

  /** Whether a password (HTTP basic, RFC 7617) is this user's: its HA1 is recomputed and compared. */
  public boolean hasPassword(String password) {
    String full = aor.user() + "@" + aor.host();
    return matches(sha256, DigestAlgorithm.SHA_256.ha1(aor.user(), realm, password))
        || matches(sha256b, DigestAlgorithm.SHA_256.ha1(full, realm, password))
        || matches(md5, DigestAlgorithm.MD5.ha1(aor.user(), realm, password))
        || matches(md5b, DigestAlgorithm.MD5.ha1(full, realm, password));
  }

  private static boolean matches(Optional<String> stored, String computed) {
    return stored.isPresent() && java.security.MessageDigest.isEqual(
        stored.get().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        computed.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  @Override
  public String toString() {
    return "Subscriber[" + aor + ", realm " + realm + (configured ? ", configured" : ", stored") + "]";
  }
}
