package org.presenceagent.application.manage;

/**
 * One line of the presentity list (the seed's {@code pa.trace} per presentity).
 *
 * @param presentity the address of record, as a SIP URI
 * @param publications live and not yet removed publications, all event packages
 * @param registrations registered contacts (bindings)
 * @param subscriptions subscriptions to it, all event packages
 * @param online the seed's {@code target_online()}
 */
public record PresentitySummary(String presentity, int publications, int registrations, int subscriptions,
    boolean online) {}
