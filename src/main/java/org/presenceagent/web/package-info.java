/**
 * The HTTP side of the converged application ({@code web.xml}): the built-in XCAP server (RFC
 * 4825) at {@code /xcap-root/} and the metrics for Prometheus at {@code /metrics}; the admin API
 * and the operator console's server side are in {@code web.admin}, the pages a browser opens (landing
 * page, error pages, the console's files) in {@code web.site}. Servlets here are thin like the SIP ones: they parse the request,
 * authenticate it, call one use case of {@code application.xcap} and map its outcome to one
 * response. Their dependencies come from the composition root through one servlet-context
 * attribute each ({@link org.presenceagent.web.XcapEndpoint#ATTRIBUTE}, {@link
 * org.presenceagent.web.MetricsEndpoint#ATTRIBUTE}, {@link org.presenceagent.web.HttpTraffic#ATTRIBUTE}),
 * never from statics.
 */
package org.presenceagent.web;
