package org.presenceagent.application.port;

/**
 * Sends NOTIFY requests. Sending is asynchronous: the response arrives later through
 * {@link org.presenceagent.application.notify.NotifyResponseService}.
 */
public interface NotifySender {

  /**
   * Sends the NOTIFY.
   *
   * @return the CSeq number the request was sent with
   * @throws NotifyFailedException when it cannot be sent at all (the dialog is gone)
   */
  long send(Notification notification);
}
