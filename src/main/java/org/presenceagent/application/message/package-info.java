/**
 * Instant messages to local users (RFC 3428): authorized by the recipient's rules (the seed's
 * {@code authorize_message}), then delivered to the recipient's registered contacts.
 */
package org.presenceagent.application.message;
