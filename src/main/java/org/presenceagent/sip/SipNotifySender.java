package org.presenceagent.sip;

import java.io.IOException;
import java.util.Optional;
import javax.servlet.sip.Parameterable;
import javax.servlet.sip.ServletParseException;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipSession;
import org.presenceagent.application.port.Notification;
import org.presenceagent.application.port.NotifyFailedException;
import org.presenceagent.application.port.NotifySender;
import org.presenceagent.domain.subscription.SubscriptionKey;
import org.presenceagent.domain.subscription.SubscriptionState;

/**
 * Sends NOTIFYs in the subscription's container-managed dialog (RFC 6665 section 4.2.2): the
 * container supplies Call-ID, tags, CSeq, Request-URI (the subscriber's Contact) and route set;
 * this class adds {@code Event}, {@code Subscription-State} and the body, and keeps the CSeq above
 * every one sent before, also across restarts. A dialog the container no longer knows (restored
 * from the database) is continued by {@link RestoredDialogRequests}.
 */
public final class SipNotifySender implements NotifySender {

  private final SipDialogs dialogs;
  private final SipFactory sipFactory;
  private final RestoredDialogRequests restoredDialogs;

  SipNotifySender(SipDialogs dialogs, SipFactory sipFactory, RestoredDialogRequests restoredDialogs) {
    this.dialogs = dialogs;
    this.sipFactory = sipFactory;
    this.restoredDialogs = restoredDialogs;
  }

  @Override
  public void release(SubscriptionKey key) {
    dialogs.unbind(key);
  }

  @Override
  public long send(Notification notification) {
    SubscriptionKey key = notification.key();
    Optional<SipSession> session = dialogs.find(key);
    try {
      // A dialog the container knows gives the NOTIFY; one it lost (restart) is rebuilt from storage.
      SipServletRequest notify;
      if (session.isEmpty()) {
        // Each NOTIFY of a restored dialog is built from storage: the container keeps no state
        // for the dialog, so the watcher's in-dialog requests reach the application as new ones.
        notify = restoredDialogs.notify(notification);
      } else {
        notify = session.get().createRequest("NOTIFY");
      }
      CseqFloor.raise(notify, notification.minimumCseq());
      notify.setParameterableHeader(SipHeaders.EVENT, eventHeader(key));
      notify.setParameterableHeader(SipHeaders.SUBSCRIPTION_STATE, subscriptionState(notification));
      if (notification.body().isPresent()) {
        notify.setContent(notification.body().get().bytes(), notification.body().get().contentType());
      }
      notify.send();
      if (notification.state() == SubscriptionState.TERMINATED) {
        dialogs.unbind(key);
      }
      return RequestFields.cseq(notify);
    } catch (IOException | ServletParseException | IllegalStateException e) {
      dialogs.unbind(key);
      throw new NotifyFailedException("NOTIFY for " + key + " not sent: " + e.getMessage(), e);
    }
  }

  private Parameterable eventHeader(SubscriptionKey key) throws ServletParseException {
    Parameterable event = sipFactory.createParameterable(key.event());
    if (!key.eventId().isEmpty()) {
      event.setParameter("id", key.eventId());
    }
    return event;
  }

  /** {@code active;expires=N}, {@code pending;expires=N} or {@code terminated;reason=R}. */
  private Parameterable subscriptionState(Notification notification) throws ServletParseException {
    Parameterable state = sipFactory.createParameterable(notification.state().token());
    if (notification.state() == SubscriptionState.TERMINATED) {
      notification.reason().ifPresent(reason -> state.setParameter("reason", reason.token()));
    } else {
      state.setParameter("expires", Long.toString(notification.expiresSeconds()));
    }
    return state;
  }
}
