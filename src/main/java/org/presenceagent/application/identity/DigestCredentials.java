package org.presenceagent.application.identity;

import java.util.Optional;

/**
 * The parameters of a {@code Digest} Authorization header (RFC 3261 section 20.7, RFC 2617 section
 * 3.2.2); the optional ones are absent for RFC 2069 clients that send no {@code qop}.
 */
public record DigestCredentials(
    String username,
    String realm,
    String nonce,
    String uri,
    String response,
    Optional<String> algorithm,
    Optional<String> qop,
    Optional<String> nonceCount,
    Optional<String> cnonce) {}
