package org.presenceagent.domain.subscription;

/**
 * Identifies a subscription: the dialog it lives in as the watcher names it (Call-ID and the
 * watcher's From tag), plus the event package and the Event header's {@code id} parameter, since
 * one dialog may carry several subscriptions (RFC 6665 section 4.1.2.1).
 *
 * @param callId the dialog's Call-ID
 * @param watcherTag the subscriber's From tag
 * @param event the event package name, e.g. {@code presence}
 * @param eventId the Event header's {@code id} parameter, empty when absent
 */
public record SubscriptionKey(String callId, String watcherTag, String event, String eventId) {

  public SubscriptionKey {
    requireText(callId, "Call-ID");
    requireText(watcherTag, "From tag");
    requireText(event, "event");
    eventId = eventId == null ? "" : eventId;
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a subscription key needs a " + what);
    }
  }

  /** A stable text form, usable as a map key, timer name or database id. */
  public String asText() {
    return event + (eventId.isEmpty() ? "" : ";id=" + eventId) + "|" + watcherTag + "|" + callId;
  }

  @Override
  public String toString() {
    return asText();
  }
}
