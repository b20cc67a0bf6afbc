/**
 * Local overload control (RFC 6357 section 5, RFC 7339 for the why): new work is refused early and
 * cheaply, with 503 and Retry-After, when the server is behind, before it costs any database or
 * NOTIFY work; work already started (requests in a dialog, NOTIFY answers) always goes on, so
 * existing subscriptions are served while the excess is turned away. The same gate refuses new
 * work while the server stops.
 */
package org.presenceagent.application.overload;
