/**
 * Metrics (Micrometer), per deployed application: {@link org.presenceagent.infrastructure.metrics.PresenceMetrics}
 * owns a composite registry of a Prometheus registry (scraped at {@code /metrics}) and a JMX
 * registry (for the container's console), both closed when the application stops, so two
 * deployments in one JVM neither share nor leak meters.
 *
 * <p>Micrometer stays in this package. The domain and the application know nothing of it: the
 * application's classes keep plain counters where only they can tell a hit from a miss
 * ({@code StoredRules}), NOTIFYs are counted by a decorator of the {@code NotifySender} port
 * ({@link org.presenceagent.infrastructure.metrics.MeteredNotifySender}), gauges read the in-memory
 * repositories at scrape time ({@link org.presenceagent.infrastructure.metrics.StateGauges}), and the
 * SIP and HTTP adapters report through small interfaces of their own that the composition root
 * connects to {@link org.presenceagent.infrastructure.metrics.PresenceMetrics}.
 */
package org.presenceagent.infrastructure.metrics;
