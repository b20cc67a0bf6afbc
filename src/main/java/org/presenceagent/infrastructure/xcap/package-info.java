/**
 * The XCAP client for an external XCAP server (seed {@code auth_xcap_root}): reads presentities'
 * pres-rules over HTTP with {@link java.net.http.HttpClient}, keeps them in a cache revalidated
 * with {@code If-None-Match}, and never holds a SIP thread longer than a short bounded wait.
 */
package org.presenceagent.infrastructure.xcap;
