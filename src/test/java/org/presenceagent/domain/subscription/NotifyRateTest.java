package org.presenceagent.domain.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** RFC 6446 rate control values and their negotiation. */
class NotifyRateTest {

  private static NotifyRate rate(Double min, Double max, Double adaptive) {
    return new NotifyRate(optional(min), optional(max), optional(adaptive));
  }

  private static OptionalDouble optional(Double value) {
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  @Test
  void zeroAndValuesOutsideTheGrammarAreRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> rate(0d, null, null));
    assertThatIllegalArgumentException().isThrownBy(() -> rate(null, 100d, null));
    assertThatIllegalArgumentException().isThrownBy(() -> rate(null, null, -1d));
  }

  @Test
  void aMinimumAboveTheMaximumIsLoweredToIt() {
    NotifyRate negotiated = rate(5d, 2d, 4d).negotiated(Duration.ofSeconds(600));

    assertThat(negotiated.minRate()).isEmpty(); // lowered to 2, then not below adaptive 2: not considered
    assertThat(negotiated.adaptiveMinRate()).hasValue(2);
    assertThat(negotiated.maxRate()).hasValue(2);
  }

  @Test
  void aMinRateNotBelowTheAdaptiveOneIsNotConsidered() {
    assertThat(rate(1d, null, 0.5).negotiated(Duration.ofSeconds(600)).minRate()).isEmpty();
    assertThat(rate(0.2, null, 0.5).negotiated(Duration.ofSeconds(600)).minRate()).hasValue(0.2);
  }

  @Test
  void aMaximumThatWouldAllowNoNotifyBeforeTheEndIsRaised() {
    assertThat(rate(null, 0.001, null).negotiated(Duration.ofSeconds(100)).maxRate()).hasValue(0.01);
  }

  @Test
  void intervalsAreTheReciprocals() {
    NotifyRate rate = rate(0.25, 2d, null);

    assertThat(rate.minimumInterval()).hasValue(Duration.ofMillis(500));
    assertThat(rate.maximumInterval(0)).hasValue(Duration.ofSeconds(4));
  }

  @Test
  void theAdaptiveTimeoutGrowsWithTheNotificationsSentRecently() {
    NotifyRate rate = rate(null, null, 1d);
    // RFC 6446 section 7.4: timeout = count / (rate^2 * period), period = 10 / rate here.
    assertThat(rate.maximumInterval(rate.assumedHistory())).hasValue(Duration.ofSeconds(1));
    assertThat(rate.maximumInterval(20)).hasValue(Duration.ofSeconds(2));
  }

  @Test
  void theMaximumRateIsAFloorForTheAdaptiveTimeout() {
    NotifyRate rate = rate(null, 0.5, 2d);

    assertThat(rate.maximumInterval(1)).hasValue(Duration.ofSeconds(2));
  }
}
