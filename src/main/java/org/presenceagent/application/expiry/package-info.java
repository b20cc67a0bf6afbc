/**
 * Expiry of subscriptions (RFC 6665 section 4.2.2, {@code reason=timeout}) and publications
 * (RFC 3903 section 6): timers per item, and the handlers that run when they fire.
 */
package org.presenceagent.application.expiry;
