/**
 * Optional digest authentication of REGISTER (RFC 3261 section 22, RFC 2617 / RFC 7616 MD5 with
 * {@code qop=auth}): the arithmetic, stateless signed nonces, and the decision for one request.
 */
package org.presenceagent.application.digest;
