package org.presenceagent.application.manage;

import java.time.Instant;

/**
 * A registered contact as operators see it (RFC 3261 section 10.3).
 *
 * @param contact the contact URI
 * @param q its preference, empty when it has none
 * @param instanceId its {@code +sip.instance} (RFC 5626), empty when absent
 * @param callId the Call-ID of the REGISTER that made or last refreshed it
 * @param expiresAt when it expires unless refreshed
 * @param expiresIn seconds left, never negative
 */
public record BindingView(String contact, String q, String instanceId, String callId, Instant expiresAt, long expiresIn) {}
