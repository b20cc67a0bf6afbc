package org.presenceagent.sip;

import java.io.IOException;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import org.presenceagent.application.subscribe.SubscribeResponder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a SUBSCRIBE: the 2xx is created when our dialog tag is first needed (its To tag is the
 * tag) and sent with the granted {@code Expires} (RFC 6665 section 4.2.1.1: mandatory in the 2xx).
 * The dialog is the application's: the container's is dropped and its sessions freed once answered.
 */
final class SipSubscribeResponder implements SubscribeResponder {

  private static final Logger LOG = LoggerFactory.getLogger(SipSubscribeResponder.class);

  private final SipServletRequest request;
  private final int pendingStatus;
  private SipServletResponse response;

  SipSubscribeResponder(SipServletRequest request, int pendingStatus) {
    this.request = request;
    this.pendingStatus = pendingStatus;
  }

  @Override
  public synchronized String localTag() {
    return response().getTo().getParameter("tag");
  }

  @Override
  public synchronized void accept(boolean pending, long expiresSeconds) {
    SipServletResponse ok = response();
    ok.setStatus(pending ? pendingStatus : 200);
    ok.setExpires((int) Math.min(expiresSeconds, Integer.MAX_VALUE));
    try {
      FinalStatus.send(ok);
    } catch (IOException | IllegalStateException e) {
      // The subscription stands, and what follows the answer (NOTIFY, timer) must still happen; the
      // watcher retransmits and the transaction layer answers again.
      LOG.warn("could not answer SUBSCRIBE (Call-ID {}): {}", request.getCallId(), e.getMessage());
    }
    DialogRequests.forgetContainerDialog(request);
    SessionRelease.afterFinalResponse(request);
  }

  @Override
  public synchronized void reject(RuntimeException failure) {
    SipErrorResponder.reply(request, failure);
    SessionRelease.afterFinalResponse(request);
  }

  private SipServletResponse response() {
    if (response == null) {
      response = request.createResponse(200);
    }
    return response;
  }
}
