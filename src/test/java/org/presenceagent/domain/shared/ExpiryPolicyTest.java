package org.presenceagent.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ExpiryPolicyTest {

  private final ExpiryPolicy policy = new ExpiryPolicy(60, 3600, 7200);

  @Test
  void grantsTheDefaultWhenNoExpiryIsRequested() {
    assertThat(policy.grant(OptionalLong.empty())).isEqualTo(Duration.ofSeconds(3600));
  }

  @Test
  void aDefaultAboveTheMaximumIsClamped() {
    assertThat(new ExpiryPolicy(60, 9000, 600).grant(OptionalLong.empty())).isEqualTo(Duration.ofSeconds(600));
  }

  @Test
  void grantsWhatIsAskedWithinTheLimits() {
    assertThat(policy.grant(OptionalLong.of(60))).isEqualTo(Duration.ofSeconds(60));
    assertThat(policy.grant(OptionalLong.of(1800))).isEqualTo(Duration.ofSeconds(1800));
    assertThat(policy.grant(OptionalLong.of(7200))).isEqualTo(Duration.ofSeconds(7200));
  }

  @Test
  void clampsToTheMaximum() {
    assertThat(policy.grant(OptionalLong.of(7201))).isEqualTo(Duration.ofSeconds(7200));
    assertThat(policy.grant(OptionalLong.of(Long.MAX_VALUE))).isEqualTo(Duration.ofSeconds(7200));
  }

  @Test
  void zeroMeansEndNow() {
    assertThat(policy.grant(OptionalLong.of(0))).isZero();
  }

  @Test
  void belowTheMinimumThrowsCarryingTheMinimum() {
    IntervalTooBriefException thrown =
        catchThrowableOfType(IntervalTooBriefException.class, () -> policy.grant(OptionalLong.of(59)));

    assertThat(thrown.minimumSeconds()).isEqualTo(60);
    assertThat(thrown).hasMessageContaining("60");
  }

  @Test
  void aZeroMinimumAcceptsOneSecond() {
    assertThat(new ExpiryPolicy(0, 3600, 3600).grant(OptionalLong.of(1))).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void rejectsANegativeRequest() {
    assertThatIllegalArgumentException().isThrownBy(() -> policy.grant(OptionalLong.of(-1)));
  }

  @Test
  void constructorRejectsInconsistentLimits() {
    assertThatIllegalArgumentException().isThrownBy(() -> new ExpiryPolicy(-1, 3600, 3600));
    assertThatIllegalArgumentException().isThrownBy(() -> new ExpiryPolicy(60, 0, 3600));
    assertThatIllegalArgumentException().isThrownBy(() -> new ExpiryPolicy(60, 3600, 0));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ExpiryPolicy(600, 3600, 300))
        .withMessageContaining("min=600")
        .withMessageContaining("max=300");
  }
}
