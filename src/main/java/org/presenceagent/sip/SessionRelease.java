package org.presenceagent.sip;

import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipServletRequest;

/**
 * Frees the container's sessions of a request as soon as it is answered. The application keeps
 * every subscription's dialog itself ({@link DialogRequests}), so no request leaves a session the
 * container needs later. Left to the container they would live for the application's session
 * timeout (minutes): at a thousand requests a second that is hundreds of thousands of idle sessions
 * on the heap. The JAIN-SIP server transaction still absorbs retransmissions of the request.
 */
final class SessionRelease {

  private SessionRelease() {}

  static void afterFinalResponse(SipServletRequest request) {
    SipApplicationSession application = request.getApplicationSession(false);
    if (application != null && application.isValid()) {
      application.invalidate();
    }
    TransactionRelease.afterFinalResponse(request);
  }
}
