/**
 * Authorization of subscriptions: what a presentity's policy says about a watcher. The seed's
 * {@code auth} modes {@code none} and {@code implicit} are policies here; {@code xcap} is {@link
 * org.presenceagent.domain.auth.RulesPolicy}, which evaluates the presentity's pres-rules (RFC
 * 5025) on the common-policy model (RFC 4745): {@link org.presenceagent.domain.auth.PresRules},
 * {@link org.presenceagent.domain.auth.Rule}, {@link org.presenceagent.domain.auth.Conditions},
 * and what an allowed watcher may see: {@link org.presenceagent.domain.auth.Transformations} (RFC
 * 5025 section 3.3).
 * The model holds no XML; the {@code document} package reads it from pres-rules documents.
 */
package org.presenceagent.domain.auth;
