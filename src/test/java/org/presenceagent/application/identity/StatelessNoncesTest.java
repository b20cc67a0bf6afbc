package org.presenceagent.application.identity;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.presenceagent.application.identity.StatelessNonces.Status;
import org.presenceagent.testing.MutableClock;

class StatelessNoncesTest {

  private static final byte[] SECRET = "0123456789abcdef-shared".getBytes(UTF_8);
  private final MutableClock clock = new MutableClock();
  private final StatelessNonces nonces = new StatelessNonces(SECRET, "example.com", Duration.ofMinutes(5), clock);

  @Test
  void aNonceIsFreshForItsLifetimeThenStale() {
    String nonce = nonces.issue();

    assertThat(nonces.check(nonce)).isEqualTo(Status.FRESH);
    clock.advanceSeconds(300);
    assertThat(nonces.check(nonce)).isEqualTo(Status.FRESH);
    clock.advanceSeconds(1);
    assertThat(nonces.check(nonce)).isEqualTo(Status.STALE);
  }

  @Test
  void anotherNodeOrARestartWithTheSameSecretAcceptsIt() {
    String nonce = nonces.issue();

    StatelessNonces otherNode = new StatelessNonces(SECRET.clone(), "example.com", Duration.ofMinutes(5), clock);

    assertThat(otherNode.check(nonce)).isEqualTo(Status.FRESH);
  }

  @Test
  void noncesOfAnotherSecretOrRealmOrTamperedOnesAreForged() {
    String nonce = nonces.issue();
    StatelessNonces otherSecret =
        new StatelessNonces("another-secret-of-16".getBytes(UTF_8), "example.com", Duration.ofMinutes(5), clock);
    StatelessNonces otherRealm = new StatelessNonces(SECRET, "example.org", Duration.ofMinutes(5), clock);
    // A middle character: every bit of it counts (the last Base64 character may carry padding
    // bits the decoder ignores, so changing it between 'A' and 'B' sometimes changed nothing).
    int middle = nonce.length() / 2;
    char replaced = nonce.charAt(middle);
    String tampered = nonce.substring(0, middle) + (replaced == 'A' ? 'B' : 'A') + nonce.substring(middle + 1);

    assertThat(otherSecret.check(nonce)).isEqualTo(Status.FORGED);
    assertThat(otherRealm.check(nonce)).isEqualTo(Status.FORGED);
    assertThat(nonces.check(tampered)).isEqualTo(Status.FORGED);
    assertThat(nonces.check("dcd98b7102dd2f0e8b11d0f600bfb0c093")).isEqualTo(Status.FORGED);
    assertThat(nonces.check("not base64!")).isEqualTo(Status.FORGED);
  }

  @Test
  void aNonceFromTheFutureBeyondClockSkewIsForged() {
    clock.advanceSeconds(60);
    String future = nonces.issue();
    clock.advanceSeconds(-60);

    assertThat(nonces.check(future)).isEqualTo(Status.FORGED);
  }
}
