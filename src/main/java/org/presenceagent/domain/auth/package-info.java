/**
 * Authorization of subscriptions: what a presentity's policy says about a watcher. The seed's
 * {@code auth} modes {@code none} and {@code implicit} are policies here; pres-rules (RFC 5025)
 * evaluated from XCAP documents are another.
 */
package org.presenceagent.domain.auth;
