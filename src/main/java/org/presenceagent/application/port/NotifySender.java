package org.presenceagent.application.port;


/**
 * Sends NOTIFY requests in a dialog the application describes completely (the {@link Notification}
 * carries Call-ID, tags, target, route set and CSeq), so the sender keeps nothing per dialog.
 * Sending is asynchronous: the response arrives later through
 * {@link org.presenceagent.application.notify.NotifyResponseService}.
 */
public interface NotifySender {

  /**
   * Sends the NOTIFY.
   *
   * @throws NotifyFailedException when it cannot be sent at all (no route to the subscriber)
   */
  void send(Notification notification);
}
