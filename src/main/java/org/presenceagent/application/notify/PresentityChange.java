package org.presenceagent.application.notify;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.presenceagent.domain.auth.Transformations;
import org.presenceagent.application.port.NotifyBody;
import org.presenceagent.domain.presentity.PresenceDocument;

/**
 * One state of a presentity as its watchers are told of it: the documents to compose (taken when
 * the change happened) and the bodies composed from them, one per format and view, made when the
 * first watcher with that format and view is sent its NOTIFY and then shared by the others. So a
 * change costs one composition per kind of watcher, not one per watcher, and every watcher of one
 * change sees the same state. Held only by the NOTIFYs still to be sent for it.
 */
final class PresentityChange {

  private final List<PresenceDocument> documents;
  private final Map<BodyKey, Optional<NotifyBody>> bodies = new ConcurrentHashMap<>();

  PresentityChange(List<PresenceDocument> documents) {
    this.documents = List.copyOf(documents);
  }

  /** The body for this format and view, composed once. */
  Optional<NotifyBody> body(BodyKey key, Function<List<PresenceDocument>, Optional<NotifyBody>> compose) {
    return bodies.computeIfAbsent(key, ignored -> compose.apply(key.view().isPresent() ? documents : List.of()));
  }

  /** A body as a watcher sees it: its format and its view, empty when the state is withheld. */
  record BodyKey(String contentType, Optional<Transformations> view) {}
}
