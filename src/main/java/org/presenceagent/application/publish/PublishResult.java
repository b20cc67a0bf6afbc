package org.presenceagent.application.publish;

import org.presenceagent.domain.shared.ETag;

/**
 * The answer to a successful PUBLISH: the entity tag of the stored state and its granted lifetime
 * ({@code SIP-ETag} and {@code Expires} of the 200, RFC 3903 section 6 step 8).
 */
public record PublishResult(ETag etag, long expiresSeconds) {}
