package org.presenceagent.standalone;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import javax.servlet.sip.SipServlet;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;

/**
 * The least a SIP servlet on our container must do for the benchmark's scenarios, with no
 * presence logic, storage or documents: the floor that {@code docs/performance.md} compares our
 * CPU per operation with. SUBSCRIBE: 200 with Expires, then a NOTIFY in the dialog (terminated
 * for Expires 0, after which the session is freed); PUBLISH: 200 with a SIP-ETag; OPTIONS: 200.
 */
public final class BareFloorServlet extends SipServlet {

  private static final long serialVersionUID = 1L;
  private static final byte[] BODY = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"sip:floor@127.0.0.1\">"
      + "<tuple id=\"t1\"><status><basic>open</basic></status></tuple></presence>").getBytes();
  private final AtomicLong etags = new AtomicLong();

  @Override
  protected void doSubscribe(SipServletRequest request) throws IOException {
    int expires = request.getExpires();
    SipServletResponse ok = request.createResponse(200);
    ok.setExpires(expires);
    ok.send();
    SipServletRequest notify = request.getSession().createRequest("NOTIFY");
    notify.setHeader("Event", "presence");
    if (expires == 0) {
      notify.setHeader("Subscription-State", "terminated;reason=timeout");
    } else {
      notify.setHeader("Subscription-State", "active;expires=" + expires);
      request.getApplicationSession().setExpires(expires / 60 + 2);
    }
    notify.setContent(BODY, "application/pidf+xml");
    notify.send();
  }

  @Override
  protected void doPublish(SipServletRequest request) throws IOException {
    SipServletResponse ok = request.createResponse(200);
    ok.setHeader("SIP-ETag", Long.toString(etags.incrementAndGet(), 36));
    ok.setExpires(request.getExpires());
    ok.send();
    request.getApplicationSession().invalidate();
  }

  @Override
  protected void doOptions(SipServletRequest request) throws IOException {
    request.createResponse(200).send();
    request.getApplicationSession().invalidate();
  }

  @Override
  protected void doResponse(SipServletResponse response) {
    // NOTIFY answers: nothing to do; the session ends when the container finds it ready
  }
}
