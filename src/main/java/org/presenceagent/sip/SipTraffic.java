package org.presenceagent.sip;

/**
 * What the SIP adapter reports about the traffic it handles (the composition root connects it to
 * the metrics). Retransmissions are absorbed by the container's transaction layer and never reach
 * the application, so they are not reported; a NOTIFY the watcher never answered shows up as a
 * locally generated 408.
 */
public interface SipTraffic {

  /** Reports nothing. */
  SipTraffic NONE = new SipTraffic() {
    @Override
    public void requestHandled(String method, int finalStatus) {
      // not reported
    }

    @Override
    public void notifyAnswered(int status) {
      // not reported
    }
  };

  /**
   * A request was handled.
   *
   * @param finalStatus the final response the application sent, 0 when it sent none (a proxied
   *     MESSAGE, whose answer comes from the recipient; an ACK)
   */
  void requestHandled(String method, int finalStatus);

  /** A final response to one of our NOTIFYs arrived (or the container generated 408 for it). */
  void notifyAnswered(int status);
}
