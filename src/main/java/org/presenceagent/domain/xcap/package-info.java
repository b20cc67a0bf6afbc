/**
 * Documents of the built-in XCAP server (RFC 4825): per-user documents named by a {@link
 * org.presenceagent.domain.xcap.DocumentSelector}, stored whole with a strong entity tag. The
 * documents' meaning (pres-rules, ...) is not this package's business.
 */
package org.presenceagent.domain.xcap;
