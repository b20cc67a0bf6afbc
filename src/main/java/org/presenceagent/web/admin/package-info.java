/**
 * The HTTP admin API at {@code /admin/}: the management operations as JSON resources for
 * operators without a JMX console. Off until {@code admin_credentials} lists operators (HTTP basic
 * authentication, RFC 7617), and served only to loopback clients unless {@code admin_remote=1}.
 * The servlet is a thin adapter over
 * {@link org.presenceagent.application.manage.ManagementService}, which the JMX MBeans call too.
 */
package org.presenceagent.web.admin;
