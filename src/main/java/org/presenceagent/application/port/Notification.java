package org.presenceagent.application.port;

import java.util.Optional;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.subscription.DialogState;
import org.presenceagent.domain.subscription.NotifyRate;
import org.presenceagent.domain.subscription.SubscriptionKey;
import org.presenceagent.domain.subscription.SubscriptionState;
import org.presenceagent.domain.subscription.TerminationReason;

/**
 * One NOTIFY to send in a subscription's dialog (RFC 6665 section 4.2.2).
 *
 * @param key the subscription
 * @param presentity the notifier's side of the dialog (From of the NOTIFY)
 * @param watcher the subscriber's side (To of the NOTIFY)
 * @param dialog the dialog to send it in: Call-ID, tags, remote target and route set (the
 *     application keeps the dialog, not the container)
 * @param cseq the CSeq the NOTIFY carries: one more than the previous NOTIFY of the dialog, and
 *     above every one sent before a restart
 * @param state the Subscription-State value
 * @param reason the reason, for terminated subscriptions
 * @param expiresSeconds the remaining time, for pending and active subscriptions
 * @param body the state to send, empty for a pending subscription
 * @param rate the rate control in force, reflected back in Subscription-State (RFC 6446 section 4.2)
 */
public record Notification(
    SubscriptionKey key,
    Aor presentity,
    Aor watcher,
    DialogState dialog,
    long cseq,
    SubscriptionState state,
    Optional<TerminationReason> reason,
    long expiresSeconds,
    Optional<NotifyBody> body,
    NotifyRate rate) {}
