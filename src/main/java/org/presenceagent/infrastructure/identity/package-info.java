/**
 * Infrastructure of the identity checks: the bounded store of digest nonce counts (Caffeine).
 * The subscriber table itself lives with the other JPA repositories in {@code persistence}.
 */
package org.presenceagent.infrastructure.identity;
