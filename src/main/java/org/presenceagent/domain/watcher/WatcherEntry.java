package org.presenceagent.domain.watcher;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.subscription.Subscription;

/**
 * One {@code <watcher>} of RFC 3858 section 4: a subscription to the presentity.
 *
 * @param id stable and unique per subscription, and reveals nothing of its dialog
 * @param watcher the subscriber's address
 * @param displayName the subscriber's display name (section 4.4: from its From header), empty
 *     when unknown
 * @param status {@code pending}, {@code active} or {@code terminated} (RFC 3857 section 3.4)
 * @param event what caused the last transition: {@code subscribe}, {@code approved}, or a
 *     termination reason ({@code timeout}, {@code rejected}, ...)
 * @param durationSubscribed seconds since the subscription was created
 */
public record WatcherEntry(
    String id, Aor watcher, Optional<String> displayName, String status, String event, long durationSubscribed) {

  public WatcherEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(watcher, "watcher");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(event, "event");
  }

  /**
   * The entry of a subscription.
   *
   * @param event the event that caused the subscription's current state
   */
  public static WatcherEntry of(Subscription subscription, String event, Clock clock) {
    String id = UUID.nameUUIDFromBytes(subscription.key().asText().getBytes(StandardCharsets.UTF_8)).toString();
    long duration = Math.max(0, Duration.between(subscription.createdAt(), clock.instant()).getSeconds());
    return new WatcherEntry(id, subscription.watcher(), subscription.watcherDisplayName(), subscription.state().token(),
        event, duration);
  }
}
