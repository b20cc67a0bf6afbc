/**
 * Watcher information (RFC 3857, RFC 3858): who watches a presentity, in which state, and what
 * caused their last transition. A snapshot built from the presentity's presence subscriptions;
 * the {@code document} package writes it as {@code application/watcherinfo+xml}.
 */
package org.presenceagent.domain.watcher;
