package org.presenceagent.infrastructure.persistence;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.subscription.DialogState;
import org.presenceagent.domain.subscription.NotifyRate;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.domain.subscription.SubscriptionKey;
import org.presenceagent.domain.subscription.SubscriptionState;
import org.presenceagent.domain.subscription.TerminationReason;

/** Converts between the subscription aggregate and its row. */
final class SubscriptionMapper {

  /** Route URIs never contain a line feed, so it can separate them in one column. */
  private static final String ROUTE_SEPARATOR = "\n";

  private SubscriptionMapper() {}

  static SubscriptionRecord toRecord(Subscription subscription) {
    SubscriptionKey key = subscription.key();
    DialogState dialog = subscription.dialog();
    SubscriptionRecord row = new SubscriptionRecord(key.asText());
    row.callId = key.callId();
    row.watcherTag = key.watcherTag();
    row.event = key.event();
    row.eventId = key.eventId();
    row.presentity = subscription.presentity().uri();
    row.watcher = subscription.watcher().uri();
    row.watcherDisplayName = subscription.watcherDisplayName().orElse(null);
    row.contentType = subscription.contentType();
    row.state = subscription.state().name();
    row.reason = subscription.terminationReason().map(Enum::name).orElse(null);
    row.createdAt = subscription.createdAt().toEpochMilli();
    row.expiresAt = subscription.expiresAt().toEpochMilli();
    row.localTag = dialog.localTag();
    row.remoteTarget = dialog.remoteTarget();
    row.routeSet = String.join(ROUTE_SEPARATOR, dialog.routeSet());
    row.remoteCseq = dialog.remoteCseq();
    row.localCseq = subscription.cseqCeiling(); // the reservation, not the last CSeq: see Subscription
    row.transport = dialog.transport();
    row.version = subscription.versionCeiling(); // a reservation too
    NotifyRate rate = subscription.rate();
    row.minRate = boxed(rate.minRate());
    row.maxRate = boxed(rate.maxRate());
    row.adaptiveMinRate = boxed(rate.adaptiveMinRate());
    return row;
  }

  static Subscription toSubscription(SubscriptionRecord row) {
    SubscriptionKey key = new SubscriptionKey(row.callId, row.watcherTag, row.event, row.eventId);
    List<String> routes = row.routeSet.isEmpty() ? List.of() : Arrays.asList(row.routeSet.split(ROUTE_SEPARATOR));
    DialogState dialog = new DialogState(
        row.callId, row.localTag, row.watcherTag, row.remoteTarget, routes, row.remoteCseq, row.localCseq, row.transport);
    return Subscription.restore(
        key,
        Aor.parse(row.presentity),
        Aor.parse(row.watcher),
        Optional.ofNullable(row.watcherDisplayName),
        row.contentType,
        Instant.ofEpochMilli(row.createdAt),
        SubscriptionState.valueOf(row.state),
        row.reason == null ? null : TerminationReason.valueOf(row.reason),
        Instant.ofEpochMilli(row.expiresAt),
        dialog,
        row.version,
        new NotifyRate(unboxed(row.minRate), unboxed(row.maxRate), unboxed(row.adaptiveMinRate)));
  }

  private static Double boxed(OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }

  private static OptionalDouble unboxed(Double value) {
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }
}
