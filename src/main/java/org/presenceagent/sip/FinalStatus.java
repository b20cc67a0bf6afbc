package org.presenceagent.sip;

import java.io.IOException;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;

/**
 * Sends final responses and remembers their status on the request, where the servlet reads it
 * back for the request's log line and count: the SIP Servlet API offers no way to ask a request
 * which response it got.
 */
final class FinalStatus {

  private static final String ATTRIBUTE = FinalStatus.class.getName();

  private FinalStatus() {}

  /** Sends the response; a final one is remembered once it went out. */
  static void send(SipServletResponse response) throws IOException {
    response.send();
    if (response.getStatus() >= 200) {
      response.getRequest().setAttribute(ATTRIBUTE, response.getStatus());
    }
  }

  /** The final response sent to the request through {@link #send}, or 0 for none. */
  static int of(SipServletRequest request) {
    return request.getAttribute(ATTRIBUTE) instanceof Integer status ? status : 0;
  }
}
