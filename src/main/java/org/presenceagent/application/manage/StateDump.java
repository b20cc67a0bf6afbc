package org.presenceagent.application.manage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The seed's {@code pa.trace}: counts of what is held, the settings in effect and one summary per
 * presentity.
 *
 * @param publications publications held
 * @param registrations bindings held
 * @param subscriptions subscriptions held
 * @param subscriptionsByEventAndState counts keyed {@code <event>/<state>}, e.g. {@code presence/active}
 * @param settings every parameter's effective value, secrets masked
 * @param presentities one summary per presentity, sorted by address
 */
public record StateDump(
    int publications,
    int registrations,
    int subscriptions,
    Map<String, Integer> subscriptionsByEventAndState,
    Map<String, String> settings,
    List<PresentitySummary> presentities) {

  public StateDump {
    subscriptionsByEventAndState = Collections.unmodifiableMap(new TreeMap<>(subscriptionsByEventAndState));
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings)); // in the parameter table's order
    presentities = List.copyOf(presentities);
  }
}
