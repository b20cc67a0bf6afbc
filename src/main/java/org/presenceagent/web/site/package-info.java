/**
 * The pages a person opens in a browser: the landing page at the application's root (what this
 * server is, its version and SIP addresses, links onward), the application's own error pages (no
 * server name, version or stack trace), and the static files of the operator console under {@code
 * /console/} (HTML, CSS and hand-written JavaScript, served from the class path so the WAR and the
 * standalone jar serve the same bytes; no CDN, as the machines may have no internet). Every page is
 * sent with a strict Content-Security-Policy: scripts and styles from this origin only.
 */
package org.presenceagent.web.site;
