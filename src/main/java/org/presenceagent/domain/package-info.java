/**
 * The presence domain: subscriptions (RFC 6665 state machine), presentities and their
 * publications (RFC 3903), and the event packages they belong to.
 *
 * <p>Nothing here imports {@code javax.servlet.sip}, JAXB or JPA: the domain is plain Java with
 * time taken from an injected {@link java.time.Clock}, so it is unit-tested without a container.
 */
package org.presenceagent.domain;
