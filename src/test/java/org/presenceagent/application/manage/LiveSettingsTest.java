package org.presenceagent.application.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LiveSettingsTest {

  private final LiveSettings live = new LiveSettings(false, 60, 3600, 3600, 7200, 1800);

  @Test
  void eachRequestTypeGetsItsOwnMaximumWithTheSharedMinimumAndDefault() {
    assertThat(live.subscriptionExpiry().grant(OptionalLong.of(100_000))).isEqualTo(Duration.ofSeconds(3600));
    assertThat(live.publicationExpiry().grant(OptionalLong.of(100_000))).isEqualTo(Duration.ofSeconds(7200));
    assertThat(live.registrationExpiry().grant(OptionalLong.empty())).isEqualTo(Duration.ofSeconds(1800));
  }

  @Test
  void aChangeAppliesToTheNextGrant() {
    live.change(Map.of("max_subscription_expiration", "120", "min_expires", "30"));

    assertThat(live.subscriptionExpiry().grant(OptionalLong.of(3600))).isEqualTo(Duration.ofSeconds(120));
    assertThat(live.subscriptionExpiry().minimum()).isEqualTo(30);
    assertThat(live.values()).containsEntry("max_subscription_expiration", "120").containsEntry("min_expires", "30");
  }

  @Test
  void anInconsistentChangeIsRefusedWholeAndChangesNothing() {
    assertThatThrownBy(() -> live.change(Map.of("ignore_408_on_notify", "1", "min_expires", "5000")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("min_expires=5000");
    assertThatThrownBy(() -> live.change(Map.of("default_expires", "10")))
        .hasMessageContaining("default_expires=10").hasMessageContaining("min_expires=60");
    assertThatThrownBy(() -> live.change(Map.of("max_publish_expiration", "0")))
        .hasMessageContaining("max_publish_expiration=0");
    assertThatThrownBy(() -> live.change(Map.of("max_publish_expiration", "soon")))
        .hasMessageContaining("max_publish_expiration=soon");

    assertThat(live.ignore408OnNotify()).isFalse();
    assertThat(live.values()).containsEntry("min_expires", "60").containsEntry("default_expires", "3600");
  }

  @Test
  void theOtherParametersCannotChange() {
    assertThatThrownBy(() -> live.change(Map.of("use_db", "0")))
        .hasMessageContaining("use_db").hasMessageContaining("restart");
  }
}
