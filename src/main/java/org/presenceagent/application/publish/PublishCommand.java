package org.presenceagent.application.publish;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.shared.ETag;
import org.presenceagent.domain.shared.RequestId;

/**
 * A parsed PUBLISH request.
 *
 * @param presentity whose state is published (Request-URI)
 * @param event the Event header's package name
 * @param requestedExpires the Expires header value, empty when absent
 * @param ifMatch the {@code SIP-If-Match} entity tag, empty for an initial publication
 * @param body the published document, empty for a refresh or removal
 * @param request the request's Call-ID and CSeq ({@link RequestId#NONE} when no SIP request made it)
 */
public record PublishCommand(
    Aor presentity,
    String event,
    OptionalLong requestedExpires,
    Optional<ETag> ifMatch,
    Optional<Body> body,
    RequestId request) {

  /** A publication made without a SIP request (a management operation, a test). */
  public PublishCommand(
      Aor presentity, String event, OptionalLong requestedExpires, Optional<ETag> ifMatch, Optional<Body> body) {
    this(presentity, event, requestedExpires, ifMatch, body, RequestId.NONE);
  }

  public PublishCommand {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(presentity, "presentity");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(requestedExpires, "requestedExpires");
    Objects.requireNonNull(ifMatch, "ifMatch");
    Objects.requireNonNull(body, "body");
  }

  /**
   * A request body.
   *
   * @param contentType the Content-Type header
   * @param bytes the raw body
   */
  public record Body(String contentType, byte[] bytes) {}
}
