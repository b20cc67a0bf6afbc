package org.presenceagent.infrastructure.metrics;

import org.presenceagent.testing.InMemory;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.presenceagent.domain.presentity.PresenceDocument;
import org.presenceagent.domain.presentity.Publication;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.subscription.DialogState;
import org.presenceagent.domain.subscription.NotifyRate;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.domain.subscription.SubscriptionKey;
import org.presenceagent.infrastructure.persistence.BindingStore;
import org.presenceagent.infrastructure.persistence.IndexedBindingRepository;
import org.presenceagent.infrastructure.persistence.IndexedPublicationRepository;
import org.presenceagent.infrastructure.persistence.IndexedSubscriptionRepository;
import org.presenceagent.infrastructure.persistence.PublicationStore;
import org.presenceagent.infrastructure.persistence.SubscriptionStore;
import org.presenceagent.testing.MutableClock;

class StateGaugesTest {

  private static final Aor ALICE = Aor.parse("sip:alice@example.com");
  private static final Aor BOB = Aor.parse("sip:bob@example.com");
  private static final Aor CAROL = Aor.parse("sip:carol@example.com");

  private final MutableClock clock = new MutableClock();
  private final IndexedSubscriptionRepository subscriptions = new IndexedSubscriptionRepository(SubscriptionStore.NONE);
  private final IndexedPublicationRepository publications = new IndexedPublicationRepository(PublicationStore.NONE);
  private final IndexedBindingRepository bindings = new IndexedBindingRepository(BindingStore.NONE);

  @Test
  void gaugesFollowTheInMemoryStateAtEachRead() {
    try (PresenceMetrics metrics = PresenceMetrics.start(false, "test")) {
      StateGauges.register(metrics.registry(), List.of("presence", "presence.winfo"), subscriptions, publications, bindings);
      assertThat(gauge(metrics, "presence.subscriptions", "event", "presence", "state", "active")).isZero();

      Subscription pending = subscription("c1", ALICE, "presence", false);
      InMemory.save(subscriptions, subscription("c2", ALICE, "presence", true));
      InMemory.save(subscriptions, pending);
      InMemory.save(subscriptions, subscription("c3", BOB, "presence.winfo", true));
      InMemory.add(publications, publication(CAROL));

      assertThat(gauge(metrics, "presence.subscriptions", "event", "presence", "state", "active")).isEqualTo(1);
      assertThat(gauge(metrics, "presence.subscriptions", "event", "presence", "state", "pending")).isEqualTo(1);
      assertThat(gauge(metrics, "presence.subscriptions", "event", "presence.winfo", "state", "active")).isEqualTo(1);
      assertThat(gauge(metrics, "presence.subscriptions", "event", "presence.winfo", "state", "pending")).isZero();
      assertThat(gauge(metrics, "presence.publications")).isEqualTo(1);
      assertThat(gauge(metrics, "presence.presentities")).isEqualTo(3); // alice and bob watched, carol published
      assertThat(gauge(metrics, "presence.registrations")).isZero();

      InMemory.remove(subscriptions, pending.key());
      assertThat(gauge(metrics, "presence.subscriptions", "event", "presence", "state", "pending")).isZero();
    }
  }

  private static double gauge(PresenceMetrics metrics, String name, String... tags) {
    return metrics.registry().get(name).tags(tags).gauge().value();
  }

  private Subscription subscription(String callId, Aor presentity, String event, boolean authorized) {
    return Subscription.create(
        new SubscriptionKey(callId, "tag", event, ""), presentity, CAROL, Optional.empty(), "application/pidf+xml",
        new DialogState(callId, "ours", "tag", "sip:carol@192.0.2.1", List.of(), 1, 0, "udp"),
        authorized, Duration.ofSeconds(600), NotifyRate.NONE, clock);
  }

  private Publication publication(Aor presentity) {
    byte[] bytes = "<presence/>".getBytes(UTF_8);
    PresenceDocument document = new PresenceDocument() {
      @Override
      public String contentType() {
        return "application/pidf+xml";
      }

      @Override
      public byte[] bytes() {
        return bytes;
      }
    };
    return Publication.initial(presentity, "presence", document, Duration.ofSeconds(600), clock);
  }
}
