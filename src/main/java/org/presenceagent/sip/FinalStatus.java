package org.presenceagent.sip;

import java.io.IOException;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;

/**
 * Sends final responses, remembers their status on the request and reports each request once, when
 * its final response leaves (which, for a request answered after its change was stored, is on
 * another thread and after the servlet returned). The SIP Servlet API offers no way to ask a
 * request which response it got.
 */
final class FinalStatus {

  private static final String STATUS = FinalStatus.class.getName() + ".status";
  private static final String REPORTER = FinalStatus.class.getName() + ".reporter";

  private FinalStatus() {}

  /** Who reports a handled request: its method, final status (0 for none), time in hand and log line. */
  @FunctionalInterface
  interface Reporter {
    void handled(SipServletRequest request, int status, long inHandNanos);
  }

  /** Who reports the request, and when it arrived ({@link System#nanoTime()}). */
  private record Expected(Reporter reporter, long arrivedNanos) {}

  /** Called when a request arrives: its final response will be reported to {@code reporter}. */
  static void expect(SipServletRequest request, Reporter reporter) {
    request.setAttribute(REPORTER, new Expected(reporter, System.nanoTime()));
  }

  /**
   * Sends the response; a final one is remembered and its request reported, once (also when the
   * sending failed: the request is done either way).
   */
  static void send(SipServletResponse response) throws IOException {
    try {
      response.send();
    } finally {
      if (response.getStatus() >= 200) {
        SipServletRequest request = response.getRequest();
        request.setAttribute(STATUS, response.getStatus());
        report(request, response.getStatus());
      }
    }
  }

  /** The request gets no final response from us (ACK, CANCEL; a MESSAGE answered by its recipient). */
  static void unanswered(SipServletRequest request) {
    report(request, 0);
  }

  private static void report(SipServletRequest request, int status) {
    if (request.getAttribute(REPORTER) instanceof Expected expected) {
      request.removeAttribute(REPORTER);
      expected.reporter().handled(request, status, System.nanoTime() - expected.arrivedNanos());
    }
  }

  /** The final response sent to the request through {@link #send}, or 0 for none. */
  static int of(SipServletRequest request) {
    return request.getAttribute(STATUS) instanceof Integer status ? status : 0;
  }
}
