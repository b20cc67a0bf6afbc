package org.presenceagent.infrastructure.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.subscription.SubscriptionState;
import org.presenceagent.infrastructure.persistence.IndexedBindingRepository;
import org.presenceagent.infrastructure.persistence.IndexedPublicationRepository;
import org.presenceagent.infrastructure.persistence.IndexedSubscriptionRepository;

/**
 * Gauges of the state held right now, read from the in-memory indexes when scraped (never from the
 * database): {@code presence.subscriptions{event, state}}, {@code presence.publications},
 * {@code presence.presentities} (with published state or watchers) and {@code presence.registrations}
 * (bindings).
 */
public final class StateGauges {

  private StateGauges() {}

  /**
   * @param events the event packages served: each gets a gauge per subscription state, zero included,
   *     so a dashboard sees the series before the first subscription
   */
  public static void register(
      MeterRegistry registry,
      List<String> events,
      IndexedSubscriptionRepository subscriptions,
      IndexedPublicationRepository publications,
      IndexedBindingRepository bindings) {
    for (String event : events) {
      for (SubscriptionState state : SubscriptionState.values()) {
        Gauge.builder("presence.subscriptions", subscriptions,
                repository -> repository.count(s -> s.state() == state && s.event().equals(event)))
            .description("subscriptions held, by event package and Subscription-State")
            .tags("event", event, "state", state.token())
            .register(registry);
      }
    }
    Gauge.builder("presence.publications", publications, IndexedPublicationRepository::size)
        .description("publications (PUBLISHed event state) held").register(registry);
    Gauge.builder("presence.presentities", subscriptions, repository -> presentities(repository, publications))
        .description("presentities with published state or at least one subscription").register(registry);
    Gauge.builder("presence.registrations", bindings, IndexedBindingRepository::size)
        .description("registered contacts (bindings) of the built-in registrar").register(registry);
  }

  private static int presentities(IndexedSubscriptionRepository subscriptions, IndexedPublicationRepository publications) {
    Set<Aor> presentities = new HashSet<>(subscriptions.presentities());
    presentities.addAll(publications.presentities());
    return presentities.size();
  }
}
