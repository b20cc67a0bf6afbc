/**
 * Event packages (RFC 6665 section 7): what a package is called and which bodies its
 * notifications can carry. New packages (presence.winfo, ...) are added as new instances, not as
 * {@code if (event.equals(...))} branches.
 */
package org.presenceagent.domain.event;
