/**
 * The HTTP side of the converged application ({@code web.xml}): the built-in XCAP server (RFC
 * 4825) at {@code /xcap-root/}. Servlets here are thin like the SIP ones: they parse the request,
 * authenticate it, call one use case of {@code application.xcap} and map its outcome to one
 * response. Their dependencies come from the composition root through one servlet-context
 * attribute ({@link org.presenceagent.web.XcapEndpoint#ATTRIBUTE}), never from statics.
 */
package org.presenceagent.web;
