package org.presenceagent.sip;

import java.io.IOException;
import java.util.Optional;
import javax.servlet.sip.SipServletRequest;
import org.presenceagent.application.publish.PublishCommand;
import org.presenceagent.domain.shared.ETag;
import org.presenceagent.domain.shared.RequestId;

/** Turns a PUBLISH into a {@link PublishCommand} (RFC 3903 section 11). */
final class PublishRequestParser {

  private PublishRequestParser() {}

  static PublishCommand parse(SipServletRequest request, int maxBodySize) {
    RequestFields.EventField event = RequestFields.event(request);
    return new PublishCommand(
        RequestFields.requestAor(request),
        event.name(),
        RequestFields.expires(request),
        ifMatch(request),
        body(request, maxBodySize),
        new RequestId(RequestFields.callId(request), RequestFields.cseq(request)));
  }

  /**
   * The {@code SIP-If-Match} entity tag. A value that cannot be one of our tags cannot match any
   * publication: RFC 3903 section 6 step 5 answers that with 412, not 400.
   */
  private static Optional<ETag> ifMatch(SipServletRequest request) {
    String value = request.getHeader(SipHeaders.SIP_IF_MATCH);
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ETag(value.trim()));
    } catch (IllegalArgumentException e) {
      throw new SipResponseException(412, "Conditional Request Failed");
    }
  }

  static Optional<PublishCommand.Body> body(SipServletRequest request, int maxBodySize) {
    int length = request.getContentLength();
    if (length <= 0) {
      return Optional.empty();
    }
    if (length > maxBodySize) {
      throw new SipResponseException(413, "Request Entity Too Large (limit " + maxBodySize + " bytes)");
    }
    String contentType = request.getContentType();
    if (contentType == null) {
      throw SipResponseException.badRequest("Missing Content-Type header");
    }
    FieldLimits.check(contentType, FieldLimits.CONTENT_TYPE, "Content-Type");
    try {
      return Optional.of(new PublishCommand.Body(contentType, request.getRawContent()));
    } catch (IOException e) {
      throw SipResponseException.badRequest("Unreadable body");
    }
  }
}
