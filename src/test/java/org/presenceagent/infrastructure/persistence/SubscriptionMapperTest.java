package org.presenceagent.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.subscription.DialogState;
import org.presenceagent.domain.subscription.NotifyRate;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.domain.subscription.SubscriptionKey;

/** The watcher's display name (column of migration V5) survives storage, and an old row has none. */
class SubscriptionMapperTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

  private static Subscription subscription(Optional<String> displayName) {
    return Subscription.create(new SubscriptionKey("call", "tag", "presence", ""), Aor.parse("sip:alice@example.com"),
        Aor.parse("sip:bob@example.com"), displayName, "application/pidf+xml",
        new DialogState("call", "ours", "tag", "sip:bob@192.0.2.1", List.of(), 1, 0, "udp"), false,
        Duration.ofSeconds(600), NotifyRate.NONE, CLOCK);
  }

  @Test
  void theDisplayNameIsStoredAndRestored() {
    SubscriptionRecord row = SubscriptionMapper.toRecord(subscription(Optional.of("Bob \"B\" <&>")));

    assertThat(row.watcherDisplayName).isEqualTo("Bob \"B\" <&>");
    assertThat(SubscriptionMapper.toSubscription(row).watcherDisplayName()).contains("Bob \"B\" <&>");
  }

  @Test
  void aRowWithoutDisplayNameRestoresNone() {
    SubscriptionRecord row = SubscriptionMapper.toRecord(subscription(Optional.empty()));

    assertThat(row.watcherDisplayName).isNull();
    assertThat(SubscriptionMapper.toSubscription(row).watcherDisplayName()).isEmpty();
  }
}
