package org.presenceagent.domain.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SubscriptionKeyTest {

  @Test
  void theTextFormReadsBackToTheSameKey() {
    SubscriptionKey plain = new SubscriptionKey("a|b@host", "tag-1", "presence", "");
    SubscriptionKey withId = new SubscriptionKey("call@host", "tag-2", "presence.winfo", "7");

    assertThat(SubscriptionKey.parse(plain.asText())).isEqualTo(plain);
    assertThat(SubscriptionKey.parse(withId.asText())).isEqualTo(withId);
  }

  @Test
  void textThatIsNoKeyIsRefused() {
    assertThatThrownBy(() -> SubscriptionKey.parse("presence|tag")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("event|from-tag|call-id");
    assertThatThrownBy(() -> SubscriptionKey.parse("presence||call")).isInstanceOf(IllegalArgumentException.class);
  }
}
