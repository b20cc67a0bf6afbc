package org.presenceagent.domain.event;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The event packages this server supports, looked up by the Event header's token. */
public final class EventPackages {

  private final Map<String, EventPackage> byName = new LinkedHashMap<>();

  public EventPackages(List<EventPackage> packages) {
    for (EventPackage eventPackage : packages) {
      byName.put(eventPackage.name().toLowerCase(Locale.ROOT), eventPackage);
    }
  }

  /** Event tokens compare case-insensitively (RFC 6665 section 8.2.1). */
  public Optional<EventPackage> find(String name) {
    return Optional.ofNullable(name == null ? null : byName.get(name.toLowerCase(Locale.ROOT)));
  }

  /** The names of the packages that accept PUBLISH, for the {@code Allow-Events} of a 489 to one. */
  public List<String> publishableNames() {
    return byName.entrySet().stream().filter(entry -> entry.getValue().publishable()).map(Map.Entry::getKey).toList();
  }

  /** The names for an {@code Allow-Events} header (RFC 6665 section 8.2.2). */
  public List<String> names() {
    return List.copyOf(byName.keySet());
  }
}
