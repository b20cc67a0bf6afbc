package org.presenceagent.sip;

import java.io.IOException;
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
 * this class adds {@code Event}, {@code Subscription-State} and the body.
 */
public final class SipNotifySender implements NotifySender {

  private final SipDialogs dialogs;
  private final SipFactory sipFactory;

  SipNotifySender(SipDialogs dialogs, SipFactory sipFactory) {
    this.dialogs = dialogs;
    this.sipFactory = sipFactory;
  }

  @Override
  public long send(Notification notification) {
    SubscriptionKey key = notification.key();
    SipSession session = dialogs.find(key)
        .orElseThrow(() -> new NotifyFailedException("no dialog for subscription " + key));
    try {
      SipServletRequest notify = session.createRequest("NOTIFY");
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
