package org.presenceagent.sip;

import java.io.IOException;
import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import org.presenceagent.application.port.NotifyFailedException;
import org.presenceagent.application.subscribe.SubscribeResponder;
import org.presenceagent.domain.subscription.SubscriptionKey;

/**
 * Answers a SUBSCRIBE: the 2xx is created when our dialog tag is first needed (its To tag is the
 * tag) and sent with the granted {@code Expires} (RFC 6665 section 4.2.1.1: mandatory in the 2xx).
 */
final class SipSubscribeResponder implements SubscribeResponder {

  /** The container's application session outlives the subscription by this margin. */
  private static final int SESSION_MARGIN_MINUTES = 2;

  private final SipServletRequest request;
  private final SubscriptionKey key;
  private final SipDialogs dialogs;
  private final int pendingStatus;
  private SipServletResponse response;
  private boolean restoredDialog;

  SipSubscribeResponder(SipServletRequest request, SubscriptionKey key, SipDialogs dialogs, int pendingStatus) {
    this.request = request;
    this.key = key;
    this.dialogs = dialogs;
    this.pendingStatus = pendingStatus;
  }

  @Override
  public String localTag() {
    return response().getTo().getParameter("tag");
  }

  @Override
  public void accept(boolean pending, long expiresSeconds) {
    SipServletResponse ok = response();
    ok.setStatus(pending ? pendingStatus : 200);
    ok.setExpires((int) Math.min(expiresSeconds, Integer.MAX_VALUE));
    keepSessionAlive(expiresSeconds);
    // Only an accepted SUBSCRIBE binds its dialog: a refused one must not leave a session behind.
    // A SUBSCRIBE with a To tag that the container calls initial belongs to a dialog it lost in a
    // restart: its new session knows no route set, so the restored dialog keeps sending the NOTIFYs.
    restoredDialog = request.isInitial() && RequestFields.hasToTag(request);
    if (!restoredDialog) {
      dialogs.bind(key, request.getSession());
    }
    try {
      FinalStatus.send(ok);
    } catch (IOException e) {
      throw new NotifyFailedException("could not answer SUBSCRIBE " + request.getCallId(), e);
    }
    if (restoredDialog) {
      RestoredDialogRequests.forgetContainerDialog(request);
    }
  }

  private SipServletResponse response() {
    if (response == null) {
      response = request.createResponse(200);
    }
    return response;
  }

  /**
   * The container would otherwise end the dialog's application session after its default timeout
   * (minutes), long before a subscription of an hour ends.
   */
  private void keepSessionAlive(long expiresSeconds) {
    SipApplicationSession session = request.getApplicationSession();
    int minutes = (int) Math.min(Integer.MAX_VALUE, expiresSeconds / 60 + SESSION_MARGIN_MINUTES);
    session.setExpires(minutes);
  }
}
