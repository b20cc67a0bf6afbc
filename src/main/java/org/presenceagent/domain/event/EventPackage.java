package org.presenceagent.domain.event;

import java.util.List;

/**
 * An event package the server is a notifier for.
 *
 * @param name the Event header token, e.g. {@code presence}
 * @param notifyContentTypes the body types its NOTIFYs can carry, preferred first
 * @param publishable whether PUBLISH (RFC 3903) is accepted for it
 */
public record EventPackage(String name, List<String> notifyContentTypes, boolean publishable) {

  /** RFC 3856 presence, PIDF by default (RFC 3863). */
  public static final EventPackage PRESENCE =
      new EventPackage("presence", List.of("application/pidf+xml"), true);

  /**
   * RFC 3857 watcher information about the presence package, {@code application/watcherinfo+xml}
   * bodies (RFC 3858).
   */
  public static final EventPackage PRESENCE_WINFO =
      new EventPackage("presence.winfo", List.of("application/watcherinfo+xml"), false);

  public EventPackage {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("an event package needs a name");
    }
    notifyContentTypes = List.copyOf(notifyContentTypes);
    if (notifyContentTypes.isEmpty()) {
      throw new IllegalArgumentException("event package " + name + " needs a body type");
    }
  }

  /** The body type used when the subscriber sends no Accept header. */
  public String defaultContentType() {
    return notifyContentTypes.get(0);
  }
}
