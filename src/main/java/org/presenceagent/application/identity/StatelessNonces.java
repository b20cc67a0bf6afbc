package org.presenceagent.application.identity;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Nonces that need no server state (RFC 7616 section 5.4 leaves their form to the server): the
 * issue time, 8 random bytes that make every challenge's nonce its own (so that two clients
 * challenged in the same second never share a nonce and its counts), and an HMAC-SHA256 over
 * them and the realm, in URL-safe Base64. Any node sharing the
 * secret, before or after a restart, can tell whether it issued a nonce and how old it is; a nonce
 * older than the lifetime is stale (the client retries at once with a fresh one, {@code stale=true}).
 * The nonce itself holds no state; what stops a replay is the {@link NonceCounter}, which remembers
 * the highest {@code nc} each nonce was used with (RFC 7616 section 5.5 lets a server that tracks the
 * count refuse a replayed request): an Authorization sniffed off the wire is refused the second time,
 * with another Contact or body alike.
 */
public final class StatelessNonces {

  /** Whether a nonce was issued by a holder of the secret, and whether it is still fresh. */
  public enum Status { FRESH, STALE, FORGED }

  private static final String HMAC = "HmacSHA256";
  private static final int TIME_BYTES = Long.BYTES;
  private static final int SALT_BYTES = Long.BYTES;
  private static final int MAC_BYTES = 16;
  /** Nodes' clocks may differ a little: a nonce from slightly in the future is accepted. */
  private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

  private final SecretKeySpec key;
  private final String realm;
  private final Duration lifetime;
  private final Clock clock;

  public StatelessNonces(byte[] secret, String realm, Duration lifetime, Clock clock) {
    if (secret.length < 16) {
      throw new IllegalArgumentException("the nonce secret needs at least 16 bytes");
    }
    this.key = new SecretKeySpec(secret.clone(), HMAC);
    this.realm = realm;
    this.lifetime = lifetime;
    this.clock = clock;
  }

  public String issue() {
    long now = clock.instant().getEpochSecond();
    long salt = ThreadLocalRandom.current().nextLong();
    ByteBuffer nonce = ByteBuffer.allocate(TIME_BYTES + SALT_BYTES + MAC_BYTES).putLong(now).putLong(salt)
        .put(mac(now, salt));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce.array());
  }

  public Status check(String nonce) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(nonce);
    } catch (IllegalArgumentException e) {
      return Status.FORGED;
    }
    if (bytes.length != TIME_BYTES + SALT_BYTES + MAC_BYTES) {
      return Status.FORGED;
    }
    ByteBuffer fields = ByteBuffer.wrap(bytes);
    long issued = fields.getLong();
    long salt = fields.getLong();
    if (!MessageDigest.isEqual(mac(issued, salt), Arrays.copyOfRange(bytes, TIME_BYTES + SALT_BYTES, bytes.length))) {
      return Status.FORGED;
    }
    long now = clock.instant().getEpochSecond();
    if (issued > now + CLOCK_SKEW.toSeconds()) {
      return Status.FORGED;
    }
    return now - issued > lifetime.toSeconds() ? Status.STALE : Status.FRESH;
  }

  private byte[] mac(long issued, long salt) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      mac.update(ByteBuffer.allocate(TIME_BYTES + SALT_BYTES).putLong(issued).putLong(salt).array());
      mac.update(realm.getBytes(UTF_8));
      return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform provides " + HMAC, e);
    }
  }
}
