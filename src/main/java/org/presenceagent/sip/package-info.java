/**
 * The SIP adapter, and the only package that imports {@code javax.servlet.sip}: thin servlets
 * that parse a request into a command, call one use case and send one response; the NOTIFY sender
 * that speaks in the container-managed dialogs; and the single mapping of application errors to
 * SIP responses.
 */
package org.presenceagent.sip;
