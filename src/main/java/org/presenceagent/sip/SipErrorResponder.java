package org.presenceagent.sip;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import org.presenceagent.application.RequestRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single exit for failures: every error of a request handler becomes exactly one response,
 * unless a final response was already sent. Unknown failures become 500 (logged with the Call-ID);
 * the headers a status requires (Min-Expires, Allow-Events, Accept) come from the exception.
 */
final class SipErrorResponder {

  private static final Logger LOG = LoggerFactory.getLogger(SipErrorResponder.class);

  private SipErrorResponder() {}

  static void reply(SipServletRequest request, RuntimeException failure) {
    if (request.isCommitted()) {
      LOG.warn("{} {} failed after its response was sent (Call-ID {})",
          request.getMethod(), request.getRequestURI(), request.getCallId(), failure);
      return;
    }
    int status;
    String reason;
    Map<String, String> headers;
    List<String> challenges = List.of();
    if (failure instanceof RequestRejectedException rejected) {
      status = rejected.status();
      reason = rejected.reason();
      headers = rejected.headers();
    } else if (failure instanceof SipResponseException sipFailure) {
      status = sipFailure.status();
      reason = sipFailure.getMessage();
      headers = sipFailure.headers();
      challenges = sipFailure.challenges();
    } else {
      LOG.error("{} failed (Call-ID {})", request.getMethod(), request.getCallId(), failure);
      status = 500;
      reason = "Server Internal Error";
      headers = Map.of();
    }
    // A refusal with Retry-After is overload control deciding (counted by presence_overload_refused):
    // a WARN each would flood the log exactly when the server is busiest.
    if (status >= 500 && !headers.containsKey("Retry-After")) {
      LOG.warn("{} answered {} {} (Call-ID {})", request.getMethod(), status, reason, request.getCallId());
    } else {
      LOG.debug("{} answered {} {} (Call-ID {})", request.getMethod(), status, reason, request.getCallId());
    }
    send(request, status, reason, headers, challenges);
  }

  private static void send(SipServletRequest request, int status, String reason, Map<String, String> headers,
      List<String> challenges) {
    try {
      SipServletResponse response = request.createResponse(status, ReasonPhrase.sanitize(reason));
      headers.forEach(response::setHeader);
      // Restcomm keeps one header under the exact name "WWW-Authenticate" (it replaces on add); under the
      // same name in lower case (names are case-insensitive, RFC 3261 section 7.3.1) it appends, and the
      // stack writes the canonical name: one header per challenge, as RFC 8760 section 2.4 wants.
      challenges.forEach(challenge -> response.addHeader(SipHeaders.WWW_AUTHENTICATE.toLowerCase(Locale.ROOT), challenge));
      FinalStatus.send(response);
    } catch (IOException | RuntimeException e) {
      // The request is over either way: it must not stay counted as being worked on.
      LOG.warn("could not send {} to {} (Call-ID {}): {}", status, request.getRemoteAddr(), request.getCallId(), e.getMessage());
      FinalStatus.unanswered(request);
    }
  }
}
