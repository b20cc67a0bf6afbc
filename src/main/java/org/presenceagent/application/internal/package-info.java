/**
 * Internal subscriptions (the seed's {@code accept_internal_subscriptions}): presence watchers in the
 * same JVM, such as a resource list server or a gateway, that get a presentity's document changes
 * through a Java API instead of SIP, under the same authorization as SIP watchers.
 */
package org.presenceagent.application.internal;
