package org.presenceagent.domain.subscription;

import java.util.List;

/**
 * What the notifier needs to keep sending in-dialog NOTIFYs (RFC 3261 section 12.1.1), stored
 * with the subscription so that a restarted server can continue the dialog.
 *
 * @param callId the dialog's Call-ID
 * @param localTag our tag (the To tag of our 2xx to the SUBSCRIBE)
 * @param remoteTag the subscriber's From tag
 * @param remoteTarget the subscriber's Contact URI, the Request-URI of our NOTIFYs
 * @param routeSet the Record-Route URIs of the SUBSCRIBE, in the order they were received
 * @param remoteCseq the highest CSeq received from the subscriber
 * @param localCseq the CSeq of the last NOTIFY we sent (0 before the first)
 * @param transport the transport the subscriber used (udp, tcp, tls)
 */
public record DialogState(
    String callId,
    String localTag,
    String remoteTag,
    String remoteTarget,
    List<String> routeSet,
    long remoteCseq,
    long localCseq,
    String transport) {

  public DialogState {
    routeSet = List.copyOf(routeSet);
    localTag = localTag == null ? "" : localTag;
  }

  /** The state after a target-refreshing in-dialog request (re-SUBSCRIBE). */
  public DialogState refreshedBy(long cseq, String newRemoteTarget) {
    String target = newRemoteTarget == null ? remoteTarget : newRemoteTarget;
    return new DialogState(callId, localTag, remoteTag, target, routeSet, cseq, localCseq, transport);
  }

  /** The state once our tag is known (it is chosen when the 2xx is built). */
  public DialogState withLocalTag(String tag) {
    return new DialogState(callId, tag, remoteTag, remoteTarget, routeSet, remoteCseq, localCseq, transport);
  }

  /** The state after sending a NOTIFY with the given CSeq. */
  public DialogState withLocalCseq(long cseq) {
    return new DialogState(
        callId, localTag, remoteTag, remoteTarget, routeSet, remoteCseq, Math.max(cseq, localCseq), transport);
  }
}
