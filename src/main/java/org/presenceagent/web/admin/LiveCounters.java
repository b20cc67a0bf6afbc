package org.presenceagent.web.admin;

import java.util.Map;

/**
 * What the console's live view shows, read when asked: the state held now and the counters since
 * the application started (the same meters as {@code /metrics}). The console derives rates (requests
 * per second) from two readings.
 *
 * @param subscriptions subscriptions held, keyed {@code <event>/<state>}, e.g. {@code presence/active}
 * @param presentities presentities with published state or at least one subscription
 * @param publications publications held
 * @param registrations registered contacts
 * @param sipRequests SIP requests handled since start
 * @param notifiesSent NOTIFYs handed to the SIP stack since start
 * @param notifiesFailed NOTIFYs that could not be sent since start
 */
public record LiveCounters(Map<String, Long> subscriptions, long presentities, long publications,
    long registrations, long sipRequests, long notifiesSent, long notifiesFailed) {

  public LiveCounters {
    subscriptions = Map.copyOf(subscriptions);
  }
}
