package org.presenceagent.it;

import java.util.List;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** The watcher's side of one subscription dialog: builds in-dialog SUBSCRIBEs from the 2xx. */
final class SubscriptionDialog {

  private final SipTestClient client;
  private final String watcher;
  private final String presentity;
  private final String callId;
  private final String fromTag;
  private final String toTag;
  private final String remoteTarget;
  private long cseq;

  private SubscriptionDialog(SipTestClient client, Request subscribe, Response ok) {
    this.client = client;
    this.watcher = ((FromHeader) subscribe.getHeader(FromHeader.NAME)).getAddress().getURI().toString();
    this.presentity = ((ToHeader) subscribe.getHeader(ToHeader.NAME)).getAddress().getURI().toString();
    this.callId = ((CallIdHeader) subscribe.getHeader(CallIdHeader.NAME)).getCallId();
    this.fromTag = ((FromHeader) subscribe.getHeader(FromHeader.NAME)).getTag();
    this.toTag = ((ToHeader) ok.getHeader(ToHeader.NAME)).getTag();
    ContactHeader contact = (ContactHeader) ok.getHeader(ContactHeader.NAME);
    this.remoteTarget = contact == null ? client.requestUri(presentity) : ((SipURI) contact.getAddress().getURI()).toString();
    this.cseq = ((CSeqHeader) subscribe.getHeader(CSeqHeader.NAME)).getSeqNumber();
  }

  /** Sends an initial SUBSCRIBE for presence; returns the dialog and the 2xx (asserting 2xx). */
  static Established subscribe(SipTestClient client, String watcher, String presentity, Integer expires) throws Exception {
    return subscribe(client, watcher, presentity, expires, List.of());
  }

  /** As {@link #subscribe(SipTestClient, String, String, Integer)}, with one Accept header per entry. */
  static Established subscribe(
      SipTestClient client, String watcher, String presentity, Integer expires, List<String> accept) throws Exception {
    Request subscribe = initialRequest(client, watcher, presentity, expires, accept);
    Response ok = client.call(subscribe);
    if (ok.getStatusCode() / 100 != 2) {
      throw new AssertionError("SUBSCRIBE answered " + ok.getStatusCode() + " " + ok.getReasonPhrase());
    }
    return new Established(new SubscriptionDialog(client, subscribe, ok), ok);
  }

  /** An initial SUBSCRIBE for presence, with one Accept header field per entry of {@code accept}. */
  static Request initialRequest(
      SipTestClient client, String watcher, String presentity, Integer expires, List<String> accept) throws Exception {
    Request subscribe = client.newRequest(Request.SUBSCRIBE, watcher, presentity, 1);
    SipTestClient.setHeader(subscribe, "Event", "presence");
    if (expires != null) {
      SipTestClient.setHeader(subscribe, "Expires", Integer.toString(expires));
    }
    for (String value : accept) {
      SipTestHeaders.add(subscribe, "Accept", value);
    }
    return subscribe;
  }

  /** An in-dialog SUBSCRIBE (refresh, or un-subscribe with 0). */
  Request refreshRequest(int expires) throws Exception {
    Request subscribe = client.newRequest(Request.SUBSCRIBE, watcher, presentity, callId, fromTag, toTag, remoteTarget, ++cseq);
    SipTestClient.setHeader(subscribe, "Event", "presence");
    SipTestClient.setHeader(subscribe, "Expires", Integer.toString(expires));
    // In a dialog the route set (empty: the server does not record-route) replaces the outbound
    // proxy route: the request goes straight to the remote target (RFC 3261 section 12.2.1.1).
    subscribe.removeHeader(javax.sip.header.RouteHeader.NAME);
    return subscribe;
  }

  Response refresh(int expires) throws Exception {
    return client.call(refreshRequest(expires));
  }

  String callId() {
    return callId;
  }

  String toTag() {
    return toTag;
  }

  /** A SUBSCRIBE dialog and the response that established it. */
  record Established(SubscriptionDialog dialog, Response response) {}
}
