package org.presenceagent.application.manage;

import java.time.Instant;

/**
 * A publication as operators see it (RFC 3903 section 4).
 *
 * @param etag its entity tag
 * @param event the event package
 * @param contentType the type it was published with
 * @param expiresAt when it expires unless refreshed
 * @param expiresIn seconds left, never negative
 */
public record PublicationView(String etag, String event, String contentType, Instant expiresAt, long expiresIn) {}
