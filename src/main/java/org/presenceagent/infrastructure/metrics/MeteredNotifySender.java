package org.presenceagent.infrastructure.metrics;

import org.presenceagent.application.port.Notification;
import org.presenceagent.application.port.NotifyFailedException;
import org.presenceagent.application.port.NotifySender;

/**
 * Counts the NOTIFYs handed to the SIP stack ({@code presence.notify.sent}) and those it refused
 * ({@code presence.notify.failed}), by event package, around the real sender.
 */
public final class MeteredNotifySender implements NotifySender {

  private final NotifySender delegate;
  private final PresenceMetrics metrics;

  public MeteredNotifySender(NotifySender delegate, PresenceMetrics metrics) {
    this.delegate = delegate;
    this.metrics = metrics;
  }

  @Override
  public void send(Notification notification) {
    String event = notification.key().event();
    try {
      delegate.send(notification);
      metrics.notifySent(event);
    } catch (NotifyFailedException e) {
      metrics.notifyFailed(event);
      throw e;
    }
  }
}
