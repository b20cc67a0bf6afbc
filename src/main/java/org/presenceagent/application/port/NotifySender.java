package org.presenceagent.application.port;

import org.presenceagent.domain.subscription.SubscriptionKey;

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

  /**
   * The subscription ended without a final NOTIFY (a newer subscription replaced it): frees what
   * the sender keeps for its dialog. Senders that keep nothing per dialog need not implement it;
   * decorators must pass it on.
   */
  default void release(SubscriptionKey key) {}
}
