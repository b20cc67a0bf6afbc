package org.presenceagent.infrastructure.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.presenceagent.application.identity.NonceCounter.Use;
import org.presenceagent.testing.MutableClock;

class BoundedNonceCounterTest {

  private final MutableClock clock = new MutableClock();
  private final BoundedNonceCounter counter = new BoundedNonceCounter(1000, Duration.ofMinutes(5), clock);

  @Test
  void eachCountIsAcceptedOnceAndOnlyUpwards() {
    assertThat(counter.use("n1", 1)).isEqualTo(Use.NEW);
    assertThat(counter.use("n1", 1)).isEqualTo(Use.REPLAYED);
    assertThat(counter.use("n1", 3)).isEqualTo(Use.NEW);
    assertThat(counter.use("n1", 2)).as("lower than one seen").isEqualTo(Use.REPLAYED);
    assertThat(counter.use("n2", 1)).as("another nonce").isEqualTo(Use.NEW);
  }

  @Test
  void aCountAboveOneForAnUnknownNonceAsksForANewNonce() {
    assertThat(counter.use("never-used", 2)).isEqualTo(Use.UNKNOWN);
  }

  @Test
  void nonceCountsAreForgottenAfterTheNonceLifetime() {
    counter.use("n1", 1);
    clock.advance(Duration.ofMinutes(6));

    assertThat(counter.use("n1", 2)).isEqualTo(Use.UNKNOWN);
  }
}
