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

  /**
   * The key written by {@link #asText()}. Event tokens and tags cannot hold {@code |} (RFC 3261
   * section 25.1, token), so the Call-ID is everything after the second one.
   *
   * @throws IllegalArgumentException when the text is not such a key
   */
  public static SubscriptionKey parse(String text) {
    String[] parts = text.split("\\|", 3);
    if (parts.length != 3) {
      throw new IllegalArgumentException("not a subscription id (event|from-tag|call-id): " + text);
    }
    String event = parts[0];
    String eventId = "";
    int idParameter = event.indexOf(";id=");
    if (idParameter >= 0) {
      eventId = event.substring(idParameter + 4);
      event = event.substring(0, idParameter);
    }
    return new SubscriptionKey(parts[2], parts[1], event, eventId);
  }

  @Override
  public String toString() {
    return asText();
  }
}
