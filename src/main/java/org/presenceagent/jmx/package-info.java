/**
 * The JMX front end of management: MBeans on the platform MBean server under the domain
 * {@code org.presenceagent}, one {@code name} key per deployment ({@code jmx_name}). Values are
 * open types only (strings, numbers, {@code CompositeData}, {@code TabularData}), so a generic
 * console such as JConsole or VisualVM shows them without our classes; for the same reason
 * errors reach the console as plain {@code IllegalArgumentException}s with a message. The
 * operations themselves live in {@link org.presenceagent.application.manage.ManagementService}.
 */
package org.presenceagent.jmx;
