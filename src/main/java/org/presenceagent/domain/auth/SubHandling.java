package org.presenceagent.domain.auth;

/** What to do with a subscription request (RFC 5025 section 3.2.1 {@code sub-handling}). */
public enum SubHandling {
  /** Refuse it: 403 to the SUBSCRIBE. */
  BLOCK,
  /** Hold it pending until the presentity decides. */
  CONFIRM,
  /** Accept it and send the presentity's state. */
  ALLOW
}
