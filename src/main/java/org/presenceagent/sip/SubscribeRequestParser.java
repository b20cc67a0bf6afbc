package org.presenceagent.sip;

import javax.servlet.sip.SipServletRequest;
import org.presenceagent.application.subscribe.SubscribeCommand;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.subscription.DialogState;
import org.presenceagent.domain.subscription.SubscriptionKey;

/** Turns a SUBSCRIBE into a {@link SubscribeCommand} (RFC 6665 section 4.1.2, 8.2; Accept: RFC 3261 section 20.1). */
final class SubscribeRequestParser {

  private SubscribeRequestParser() {}

  static SubscribeCommand parse(SipServletRequest request) {
    RequestFields.EventField event = RequestFields.event(request);
    String fromTag = RequestFields.fromTag(request);
    String callId = RequestFields.callId(request);
    SubscriptionKey key = new SubscriptionKey(callId, fromTag, event.name(), event.id());
    boolean inDialog = RequestFields.hasToTag(request);
    // In a dialog the Request-URI is our Contact, so the presentity comes from the stored
    // subscription; the To URI names it for the rare case where the dialog is unknown.
    Aor presentity = inDialog ? toAor(request) : RequestFields.requestAor(request);
    DialogState dialog = new DialogState(
        callId,
        "",
        fromTag,
        RequestFields.contact(request),
        RequestFields.recordRoutes(request),
        RequestFields.cseq(request),
        0,
        request.getTransport() == null ? "udp" : request.getTransport().toLowerCase(java.util.Locale.ROOT));
    return new SubscribeCommand(
        key, presentity, RequestFields.fromAor(request), RequestFields.expires(request), inDialog, dialog,
        AcceptHeaders.parse(request.getHeaders(SipHeaders.ACCEPT)), RequestFields.fromDisplayName(request),
        event.rate());
  }

  private static Aor toAor(SipServletRequest request) {
    try {
      return FieldLimits.check(Aor.parse(request.getTo().getURI().toString()), "To URI");
    } catch (IllegalArgumentException e) {
      throw SipResponseException.badRequest("Invalid To URI");
    }
  }
}
