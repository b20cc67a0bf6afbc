package org.presenceagent.application.internal;

import java.util.Optional;
import org.presenceagent.application.port.NotifyBody;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.subscription.SubscriptionState;
import org.presenceagent.domain.subscription.TerminationReason;

/**
 * What an internal watcher is told, the counterpart of a NOTIFY (RFC 6665 section 4.2.2): the
 * subscription's state, and the presentity's composed document while the subscription is active.
 *
 * @param state pending (waiting for the presentity's authorization), active, or terminated (the last
 *     update of the subscription)
 * @param reason why a terminated subscription ended; empty otherwise
 * @param document the composed PIDF document ({@code application/pidf+xml}) of an active
 *     subscription, the neutral "closed" one when the rules say polite-block; empty while pending,
 *     when terminated, or with {@code notify_offline_body=0} and nothing to compose
 */
public record PresenceUpdate(
    Aor presentity,
    Aor watcher,
    SubscriptionState state,
    Optional<TerminationReason> reason,
    Optional<NotifyBody> document) {}
