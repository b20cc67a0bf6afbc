package org.presenceagent.application.manage;

/**
 * What one run of expiry removed.
 *
 * @param subscriptions overdue subscriptions ended with a {@code terminated;reason=timeout} NOTIFY
 * @param publications overdue publications removed (watchers notified)
 * @param registrations overdue bindings removed
 * @param offlineWatchers stored offline watchers older than {@code offline_winfo_expiration}
 */
public record CleanupResult(int subscriptions, int publications, int registrations, int offlineWatchers) {}
