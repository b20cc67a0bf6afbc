package org.presenceagent.domain.presentity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.shared.ETag;
import org.presenceagent.domain.shared.RequestId;

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
 * @param origin the PUBLISH that produced this version, to recognise its retransmission after a crash
 */
public record Publication(
    ETag etag,
    Aor presentity,
    String event,
    PresenceDocument document,
    Instant publishedAt,
    Instant expiresAt,
    RequestId origin) {

  public Publication {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(etag, "etag");
    Objects.requireNonNull(presentity, "presentity");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(publishedAt, "publishedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** A publication made by no SIP request (a management operation, a test). */
  public Publication(
      ETag etag, Aor presentity, String event, PresenceDocument document, Instant publishedAt, Instant expiresAt) {
    this(etag, presentity, event, document, publishedAt, expiresAt, RequestId.NONE);
  }

  /** An initial publication (RFC 3903 section 4.2). */
  public static Publication initial(Aor presentity, String event, PresenceDocument document, Duration granted, Clock clock) {
    return initial(presentity, event, document, granted, clock, RequestId.NONE);
  }

  /** An initial publication (RFC 3903 section 4.2) made by the request {@code origin}. */
  public static Publication initial(
      Aor presentity, String event, PresenceDocument document, Duration granted, Clock clock, RequestId origin) {
    Instant now = clock.instant();
    return new Publication(ETag.random(), presentity, event, document, now, now.plus(granted), origin);
  }

  /** The same state with a new expiry and a new entity tag (RFC 3903 section 4.3). */
  public Publication refreshed(Duration granted, Clock clock, RequestId request) {
    return new Publication(ETag.random(), presentity, event, document, publishedAt, clock.instant().plus(granted), request);
  }

  /** New state replacing this one, with a new entity tag (RFC 3903 section 4.4). */
  public Publication modified(PresenceDocument newDocument, Duration granted, Clock clock, RequestId request) {
    return new Publication(
        ETag.random(), presentity, event, newDocument, publishedAt, clock.instant().plus(granted), request);
  }

  /** Whether {@code request} is the one that produced this version (a retransmission of it). */
  public boolean producedBy(RequestId request) {
    return !request.isNone() && origin.equals(request);
  }

  public boolean isExpired(Clock clock) {
    return !clock.instant().isBefore(expiresAt);
  }

  /** Seconds left, rounded down, never negative. */
  public long remainingSeconds(Clock clock) {
    return Math.max(0, Duration.between(clock.instant(), expiresAt).getSeconds());
  }
}
