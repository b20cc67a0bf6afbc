package org.presenceagent.sip;

import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipSession;

/**
 * Frees the container's sessions of requests that create no dialog (PUBLISH, OPTIONS, refused
 * SUBSCRIBEs) as soon as they are answered. Left to the container they live for the
 * application's session timeout (minutes): at a thousand PUBLISHes a second that is hundreds of
 * thousands of idle sessions and transactions on the heap. The JAIN-SIP server transaction still
 * absorbs retransmissions of the request after this.
 */
final class SessionRelease {

  private SessionRelease() {}

  static void afterFinalResponse(SipServletRequest request) {
    SipSession session = request.getSession(false);
    if (session != null && SipDialogs.carriesSubscription(session)) {
      return;
    }
    SipApplicationSession application = request.getApplicationSession(false);
    if (application != null && application.isValid()) {
      application.invalidate();
    }
  }
}
