/**
 * Authorization with pres-rules (seed {@code auth=xcap}): where a presentity's rules come from
 * ({@link org.presenceagent.application.authorize.StoredRules}, the built-in XCAP server's store)
 * and what happens to live subscriptions when they change ({@link
 * org.presenceagent.application.authorize.AuthorizeService}, also the seed's {@code pa.authorize}
 * management hook).
 */
package org.presenceagent.application.authorize;
