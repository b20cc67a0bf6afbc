/**
 * Who a request comes from (RFC 3261 section 22, RFC 3325): the one subscriber store that SIP digest,
 * XCAP and the management front ends share, the local domains we serve, and the proxies trusted to
 * assert identities. Nothing here knows SIP or HTTP messages: the adapters ask, this package answers.
 * Passwords never stay in memory or in the database; only the HA1 hashes do (as Kamailio's
 * {@code subscriber} table), which is enough for digest and for checking a basic password.
 */
package org.presenceagent.application.identity;
