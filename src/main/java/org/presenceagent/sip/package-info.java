/**
 * The SIP adapter, and the only package that imports {@code javax.servlet.sip}: thin servlets
 * that parse a request into a command and hand it to one use case with a responder that answers
 * (often later, from another thread); the NOTIFY sender that builds every NOTIFY from the dialog
 * the application keeps ({@link org.presenceagent.sip.DialogRequests}: the container keeps no
 * dialog for a subscription); overload control at the door ({@link
 * org.presenceagent.sip.OverloadValve}); and the single mapping of application errors to SIP
 * responses. Subpackage {@code stack}: extensions of the JAIN-SIP stack itself.
 */
package org.presenceagent.sip;
