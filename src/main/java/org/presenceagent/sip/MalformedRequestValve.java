package org.presenceagent.sip;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import java.io.IOException;
import java.util.ListIterator;
import javax.sip.SipStack;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers malformed requests with 400 before they reach the container (RFC 3261 section 8.2.2
 * and 21.4.1). JAIN-SIP drops a header whose value it cannot parse (e.g. {@code Expires: soon},
 * a broken {@code Contact}) and passes the request on without it; the request would then be served
 * as if the header had been absent, or end in the container's 500. This valve, installed as the
 * stack's {@code gov.nist.javax.sip.SIP_MESSAGE_VALVE}, refuses such requests instead, naming the
 * header in the reason phrase. ACK has no response and is let through.
 */
public final class MalformedRequestValve implements SIPMessageValve {

  private static final Logger LOG = LoggerFactory.getLogger(MalformedRequestValve.class);

  @Override
  public boolean processRequest(SIPRequest request, MessageChannel channel) {
    ListIterator<String> unparsed = request.getUnrecognizedHeaders();
    if (!unparsed.hasNext() || Request.ACK.equals(request.getMethod())) {
      return true;
    }
    String header = unparsed.next();
    String name = header.contains(":") ? header.substring(0, header.indexOf(':')).trim() : header.trim();
    SIPResponse response = request.createResponse(Response.BAD_REQUEST, ReasonPhrase.sanitize("Invalid " + name + " header"));
    try {
      OverloadValve.tagged(response);
      channel.sendMessage(response);
    } catch (IOException | java.text.ParseException e) {
      LOG.debug("could not answer a malformed request (Call-ID {}): {}", request.getCallId().getCallId(), e.getMessage());
    }
    LOG.debug("{} with a malformed {} header answered 400 (Call-ID {})",
        request.getMethod(), name, request.getCallId().getCallId());
    return false;
  }

  @Override
  public boolean processResponse(Response response, MessageChannel channel) {
    return true;
  }

  @Override
  public void init(SipStack stack) {
    // stateless
  }

  @Override
  public void destroy() {
    // stateless
  }
}
