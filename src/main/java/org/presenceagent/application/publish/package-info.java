/** The PUBLISH use case: an event state compositor for presence (RFC 3903 section 6). */
package org.presenceagent.application.publish;
