package org.presenceagent.domain.presentity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.shared.ETag;

/**
 * One piece of published event state (RFC 3903 section 4): a document, the entity tag that names
 * it and its expiry. Immutable: a refresh or modification yields a new publication with a new
 * entity tag (RFC 3903 section 6, step 8).
 *
 * @param etag the entity tag assigned by us
 * @param presentity whose state it is
 * @param event the event package, e.g. {@code presence}
 * @param document the published document
 * @param publishedAt when the state was first published (orders publications for composition)
 * @param expiresAt when the state expires unless refreshed
 */
public record Publication(
    ETag etag, Aor presentity, String event, PresenceDocument document, Instant publishedAt, Instant expiresAt) {

  public Publication {
    Objects.requireNonNull(etag, "etag");
    Objects.requireNonNull(presentity, "presentity");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(publishedAt, "publishedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** An initial publication (RFC 3903 section 4.2). */
  public static Publication initial(Aor presentity, String event, PresenceDocument document, Duration granted, Clock clock) {
    Instant now = clock.instant();
    return new Publication(ETag.random(), presentity, event, document, now, now.plus(granted));
  }

  /** The same state with a new expiry and a new entity tag (RFC 3903 section 4.3). */
  public Publication refreshed(Duration granted, Clock clock) {
    return new Publication(ETag.random(), presentity, event, document, publishedAt, clock.instant().plus(granted));
  }

  /** New state replacing this one, with a new entity tag (RFC 3903 section 4.4). */
  public Publication modified(PresenceDocument newDocument, Duration granted, Clock clock) {
    return new Publication(ETag.random(), presentity, event, newDocument, publishedAt, clock.instant().plus(granted));
  }

  public boolean isExpired(Clock clock) {
    return !clock.instant().isBefore(expiresAt);
  }

  /** Seconds left, rounded down, never negative. */
  public long remainingSeconds(Clock clock) {
    return Math.max(0, Duration.between(clock.instant(), expiresAt).getSeconds());
  }
}
