/**
 * The HTTP admin API at {@code /admin/}: the management operations as JSON resources for
 * operators without a JMX console. Off until {@code admin_credentials} lists operators (HTTP basic
 * authentication, RFC 7617), and served only to loopback clients unless {@code admin_remote=1}.
 * The servlet is a thin adapter over
 * {@link org.presenceagent.application.manage.ManagementService}, which the JMX MBeans call too.
 *
 * <p>The browser console ({@code /console/}, package {@code web.site}) uses the same API: it signs in
 * once ({@code /admin/session}) and then authenticates with an {@code HttpOnly}, {@code SameSite=Strict}
 * session cookie plus, on every change, the session's anti-forgery token in a header (the
 * synchronizer token pattern, {@link org.presenceagent.web.admin.ConsoleSessions}); any change that a
 * browser marks as coming from another site is refused whatever its credentials
 * ({@link org.presenceagent.web.admin.CrossSiteRequests}). Live counters, a presentity's stored
 * pres-rules and the cluster's view ({@link org.presenceagent.application.port.ClusterOverview},
 * {@code /admin/cluster}) reach the console through read-only functions and ports the composition
 * root provides.
 */
package org.presenceagent.web.admin;
