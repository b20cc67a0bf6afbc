package org.presenceagent.application.manage;

import java.time.Instant;

/**
 * A subscription as operators see it (RFC 6665 section 4.2).
 *
 * @param id the subscription's key in text form ({@code event|from-tag|call-id}), which the
 *     terminate operation takes back
 * @param watcher the subscriber
 * @param presentity the resource watched
 * @param event the event package
 * @param state pending, active or terminated
 * @param contentType the NOTIFY body type negotiated
 * @param expiresAt when it expires unless refreshed
 * @param expiresIn seconds left, never negative
 * @param callId the dialog's Call-ID
 * @param notifications how many NOTIFYs were sent in it
 */
public record SubscriptionView(String id, String watcher, String presentity, String event, String state,
    String contentType, Instant expiresAt, long expiresIn, String callId, long notifications) {}
