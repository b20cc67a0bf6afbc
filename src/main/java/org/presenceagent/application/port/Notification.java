package org.presenceagent.application.port;

import java.util.Optional;
import org.presenceagent.domain.subscription.DialogState;
import org.presenceagent.domain.subscription.SubscriptionKey;
import org.presenceagent.domain.subscription.SubscriptionState;
import org.presenceagent.domain.subscription.TerminationReason;

/**
 * One NOTIFY to send in a subscription's dialog (RFC 6665 section 4.2.2).
 *
 * @param key the subscription
 * @param dialog the dialog to send it in (used when the container no longer knows the dialog)
 * @param state the Subscription-State value
 * @param reason the reason, for terminated subscriptions
 * @param expiresSeconds the remaining time, for pending and active subscriptions
 * @param body the state to send, empty for a pending subscription
 */
public record Notification(
    SubscriptionKey key,
    DialogState dialog,
    SubscriptionState state,
    Optional<TerminationReason> reason,
    long expiresSeconds,
    Optional<NotifyBody> body) {}
