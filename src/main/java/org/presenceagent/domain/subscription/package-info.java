/**
 * Subscriptions of the SIP-specific event notification framework (RFC 6665): the
 * {@link org.presenceagent.domain.subscription.Subscription} aggregate owns its state machine
 * (pending, active, terminated) and the dialog state needed to keep notifying the watcher,
 * including after a restart (Call-ID, tags, remote target, route set, CSeqs).
 */
package org.presenceagent.domain.subscription;
