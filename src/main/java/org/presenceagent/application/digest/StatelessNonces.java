package org.presenceagent.application.digest;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Nonces that need no server state (RFC 7616 section 5.4 leaves their form to the server): the
 * issue time and an HMAC-SHA256 over it and the realm, in URL-safe Base64. Any node sharing the
 * secret, before or after a restart, can tell whether it issued a nonce and how old it is; a nonce
 * older than the lifetime is stale (the client retries at once with a fresh one, {@code stale=true}).
 * Without server state, a nonce can be replayed until it is stale: the lifetime is short for that
 * reason, and a replayed REGISTER only repeats what its owner asked.
 */
public final class StatelessNonces {

  /** Whether a nonce was issued by a holder of the secret, and whether it is still fresh. */
  public enum Status { FRESH, STALE, FORGED }

  private static final String HMAC = "HmacSHA256";
  private static final int TIME_BYTES = Long.BYTES;
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
    ByteBuffer nonce = ByteBuffer.allocate(TIME_BYTES + MAC_BYTES).putLong(now).put(mac(now));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce.array());
  }

  public Status check(String nonce) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(nonce);
    } catch (IllegalArgumentException e) {
      return Status.FORGED;
    }
    if (bytes.length != TIME_BYTES + MAC_BYTES) {
      return Status.FORGED;
    }
    long issued = ByteBuffer.wrap(bytes, 0, TIME_BYTES).getLong();
    if (!MessageDigest.isEqual(mac(issued), Arrays.copyOfRange(bytes, TIME_BYTES, bytes.length))) {
      return Status.FORGED;
    }
    long now = clock.instant().getEpochSecond();
    if (issued > now + CLOCK_SKEW.toSeconds()) {
      return Status.FORGED;
    }
    return now - issued > lifetime.toSeconds() ? Status.STALE : Status.FRESH;
  }

  private byte[] mac(long issued) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      mac.update(ByteBuffer.allocate(TIME_BYTES).putLong(issued).array());
      mac.update(realm.getBytes(UTF_8));
      return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform provides " + HMAC, e);
    }
  }
}
