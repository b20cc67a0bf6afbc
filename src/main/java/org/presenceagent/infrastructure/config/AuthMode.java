package org.presenceagent.infrastructure.config;

/** The seed's {@code auth} parameter values that are available. */
public enum AuthMode {
  /** Every watcher is authorized at once. */
  NONE,
  /** Every watcher is pending (the presentity itself excepted). */
  IMPLICIT,
  /** Each presentity's pres-rules (RFC 5025) decide, read from XCAP. */
  XCAP
}
