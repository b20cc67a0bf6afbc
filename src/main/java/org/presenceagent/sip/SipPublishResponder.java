package org.presenceagent.sip;

import java.io.IOException;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import org.presenceagent.application.publish.PublishResponder;
import org.presenceagent.application.publish.PublishResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers a PUBLISH: the 2xx with the entity tag and lifetime of the stored state (RFC 3903 section 6 step 8). */
final class SipPublishResponder implements PublishResponder {

  private static final Logger LOG = LoggerFactory.getLogger(SipPublishResponder.class);

  private final SipServletRequest request;

  SipPublishResponder(SipServletRequest request) {
    this.request = request;
  }

  @Override
  public void accept(PublishResult result) {
    SipServletResponse ok = request.createResponse(200);
    ok.setHeader(SipHeaders.SIP_ETAG, result.etag().value());
    ok.setExpires((int) Math.min(result.expiresSeconds(), Integer.MAX_VALUE));
    try {
      FinalStatus.send(ok);
    } catch (IOException | IllegalStateException e) {
      // The change is stored either way, and what follows the answer (NOTIFYs, timers) must still
      // happen: the container refuses to send when the transaction is gone, and the client retransmits.
      LOG.warn("could not answer PUBLISH (Call-ID {}): {}", request.getCallId(), e.getMessage());
    }
    SessionRelease.afterFinalResponse(request);
  }

  @Override
  public void reject(RuntimeException failure) {
    SipErrorResponder.reply(request, failure);
    SessionRelease.afterFinalResponse(request);
  }
}
