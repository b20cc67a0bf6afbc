/** The SUBSCRIBE use case (RFC 6665 section 4.2.1, RFC 3856 section 6). */
package org.presenceagent.application.subscribe;
