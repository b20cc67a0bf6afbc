/** Building and sending NOTIFYs (RFC 6665 section 4.2.2) and handling their responses. */
package org.presenceagent.application.notify;
