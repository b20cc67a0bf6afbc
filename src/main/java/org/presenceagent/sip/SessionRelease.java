package org.presenceagent.sip;

import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frees the container's sessions of a request as soon as it is answered. The application keeps
 * every subscription's dialog itself ({@link DialogRequests}), so no request leaves a session the
 * container needs later. Left to the container they would live for the application's session
 * timeout (minutes): at a thousand requests a second that is hundreds of thousands of idle sessions
 * on the heap. The JAIN-SIP server transaction still absorbs retransmissions of the request.
 */
final class SessionRelease {

  private static final Logger LOG = LoggerFactory.getLogger(SessionRelease.class);

  private SessionRelease() {}

  static void afterFinalResponse(SipServletRequest request) {
    TransactionRelease.freeing(request, () -> invalidate(request.getApplicationSession(false), request.getCallId()));
  }

  /**
   * Invalidates an application session unless it is already gone. The container may invalidate it
   * itself between {@code isValid()} and {@code invalidate()} (seen under load on TCP once the answer
   * was sent): the session is freed, which is all the caller wanted. Letting the exception out of
   * an answered request's completion would skip what follows the answer, its NOTIFYs.
   */
  static void invalidate(SipApplicationSession application, String callId) {
    if (application == null) {
      return;
    }
    try {
      if (application.isValid()) {
        application.invalidate();
      }
    } catch (IllegalStateException e) {
      LOG.debug("session of Call-ID {} was already invalidated: {}", callId, e.getMessage());
    }
  }
}
