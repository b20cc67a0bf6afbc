package org.presenceagent.sip;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import javax.servlet.sip.Parameterable;
import javax.servlet.sip.ServletParseException;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServletRequest;
import org.presenceagent.application.port.Notification;
import org.presenceagent.application.port.NotifyFailedException;
import org.presenceagent.application.port.NotifySender;
import org.presenceagent.domain.subscription.NotifyRate;
import org.presenceagent.domain.subscription.SubscriptionKey;
import org.presenceagent.domain.subscription.SubscriptionState;

/**
 * Sends NOTIFYs in the subscription's dialog (RFC 6665 section 4.2.2), built from the dialog the
 * application keeps ({@link DialogRequests}): Call-ID, tags, Request-URI (the subscriber's Contact),
 * route set and the CSeq the notifier chose; this class adds {@code Event},
 * {@code Subscription-State} (with the RFC 6446 rate control in force) and the body.
 */
public final class SipNotifySender implements NotifySender {

  private final SipFactory sipFactory;
  private final DialogRequests dialogs;
  /**
   * One parsed header value per token (event packages, subscription states), cloned for each
   * NOTIFY: the container's {@code createParameterable} first tries the text as an address and
   * pays for a parse exception every time.
   */
  private final Map<String, Parameterable> templates = new ConcurrentHashMap<>();

  SipNotifySender(SipFactory sipFactory, DialogRequests dialogs) {
    this.sipFactory = sipFactory;
    this.dialogs = dialogs;
  }

  @Override
  public void send(Notification notification) {
    SubscriptionKey key = notification.key();
    SipServletRequest notify = dialogs.notify(notification);
    try {
      CseqFloor.raise(notify, notification.cseq());
      notify.setParameterableHeader(SipHeaders.EVENT, eventHeader(key));
      notify.setParameterableHeader(SipHeaders.SUBSCRIPTION_STATE, subscriptionState(notification));
      if (notification.body().isPresent()) {
        notify.setContent(notification.body().get().bytes(), notification.body().get().contentType());
      }
      notify.send();
    } catch (IOException | ServletParseException | IllegalStateException e) {
      release(notify);
      throw new NotifyFailedException("NOTIFY for " + key + " not sent: " + e.getMessage(), e);
    }
  }

  private static void release(SipServletRequest notify) {
    SessionRelease.invalidate(notify.getApplicationSession(false), notify.getCallId());
  }

  private Parameterable eventHeader(SubscriptionKey key) throws ServletParseException {
    Parameterable event = header(key.event());
    if (!key.eventId().isEmpty()) {
      event.setParameter("id", key.eventId());
    }
    return event;
  }

  /**
   * {@code active;expires=N}, {@code pending;expires=N} or {@code terminated;reason=R}, with the
   * rate control in force reflected back (RFC 6446 sections 5.2, 6.2, 7.2).
   */
  private Parameterable subscriptionState(Notification notification) throws ServletParseException {
    Parameterable state = header(notification.state().token());
    if (notification.state() == SubscriptionState.TERMINATED) {
      notification.reason().ifPresent(reason -> state.setParameter("reason", reason.token()));
    } else {
      state.setParameter("expires", Long.toString(notification.expiresSeconds()));
    }
    NotifyRate rate = notification.rate();
    rateParameter(state, "min-rate", rate.minRate());
    rateParameter(state, "max-rate", rate.maxRate());
    rateParameter(state, "adaptive-min-rate", rate.adaptiveMinRate());
    return state;
  }

  /** RFC 6446 section 9.2: at most two digits before the point and ten after. */
  private static void rateParameter(Parameterable header, String name, OptionalDouble rate) {
    if (rate.isPresent()) {
      header.setParameter(name, new BigDecimal(rate.getAsDouble()).setScale(10, RoundingMode.HALF_UP)
          .stripTrailingZeros().toPlainString());
    }
  }

  private Parameterable header(String token) throws ServletParseException {
    Parameterable template = templates.get(token);
    if (template == null) {
      template = sipFactory.createParameterable(token);
      if (templates.size() < 64) { // tokens come from our own code; the bound is a safeguard
        templates.put(token, template);
      }
    }
    return (Parameterable) template.clone();
  }
}
