package org.presenceagent.infrastructure.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.presenceagent.application.port.Notification;
import org.presenceagent.application.port.NotifyFailedException;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.subscription.DialogState;
import org.presenceagent.domain.subscription.NotifyRate;
import org.presenceagent.domain.subscription.SubscriptionKey;
import org.presenceagent.domain.subscription.SubscriptionState;

class MeteredNotifySenderTest {

  private static Notification notification(String event) {
    return new Notification(new SubscriptionKey("call", "tag", event, ""), Aor.parse("sip:alice@example.com"),
        Aor.parse("sip:bob@example.com"), new DialogState("call", "ours", "tag", "sip:bob@192.0.2.1", List.of(), 1, 0, "udp"),
        1, SubscriptionState.PENDING, Optional.empty(), 60, Optional.empty(), NotifyRate.NONE);
  }

  @Test
  void sentAndFailedNotifiesAreCountedByEvent() {
    try (PresenceMetrics metrics = PresenceMetrics.start(false, "test")) {
      List<Notification> delivered = new java.util.ArrayList<>();
      MeteredNotifySender sent = new MeteredNotifySender(delivered::add, metrics);
      MeteredNotifySender failing = new MeteredNotifySender(notification -> {
        throw new NotifyFailedException("dialog gone", null);
      }, metrics);

      sent.send(notification("presence"));
      sent.send(notification("presence.winfo"));
      assertThat(delivered).hasSize(2);
      assertThatThrownBy(() -> failing.send(notification("presence"))).isInstanceOf(NotifyFailedException.class);

      assertThat(metrics.registry().get("presence.notify.sent").tag("event", "presence").counter().count()).isEqualTo(1);
      assertThat(metrics.registry().get("presence.notify.sent").tag("event", "presence.winfo").counter().count())
          .isEqualTo(1);
      assertThat(metrics.registry().get("presence.notify.failed").tag("event", "presence").counter().count())
          .isEqualTo(1);
    }
  }
}
