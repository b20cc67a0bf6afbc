package org.presenceagent.sip;

import java.lang.reflect.Field;
import java.util.List;
import javax.servlet.ServletException;
import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServletRequest;
import javax.sip.Dialog;
import javax.sip.header.ToHeader;
import javax.sip.message.Message;
import org.mobicents.servlet.sip.message.SipFactoryFacade;
import org.mobicents.servlet.sip.message.SipFactoryImpl;
import org.mobicents.servlet.sip.message.SipServletRequestImpl;
import org.presenceagent.application.port.Notification;
import org.presenceagent.application.port.NotifyFailedException;
import org.presenceagent.domain.subscription.DialogState;

/**
 * Builds the in-dialog NOTIFYs of subscriptions from the dialog the application keeps for each
 * (Call-ID, tags, remote target, route set, CSeq: {@link DialogState}). The container keeps no dialog
 * for a subscription: a container dialog costs about 19 KB of heap for as long as the subscription
 * lives (the JAIN-SIP dialog with its first request and last response, the SIP and application
 * sessions), the application's about 0.8 KB (docs/performance.md), so a hundred thousand idle
 * subscriptions fit in a small heap. It also makes a dialog restored from the database after a
 * restart (RFC 3261 section 12.2.2 lets a UAS continue a dialog it lost) nothing special: every
 * dialog is continued the same way, and any node sharing the database could continue it.
 *
 * <p>The standard {@link SipFactory} cannot do it: it strips the tags it is given. Restcomm's
 * implementation has a {@code createRequest} that takes the Call-ID and our From tag; the
 * watcher's To tag is then set on the JAIN-SIP message, the Request-URI is the stored remote
 * target and the stored route set becomes the Route headers. Responses find their way back to the
 * application through the Via branch, like any NOTIFY's. This is the only class that uses the
 * container's implementation classes for it; {@code DialogRequestsTest} fails loudly if a
 * container upgrade removes what it relies on. (Why not re-create the container's dialog: its
 * HA internals are package-private and fragile, see docs/failover.md.)
 */
final class DialogRequests {

  private static final String FACTORY_FIELD = "sipFactoryImpl";

  private final SipFactory factory;
  private final SipFactoryImpl implementation;
  private final String servletName;

  DialogRequests(SipFactory factory, String servletName) {
    this.factory = factory;
    this.implementation = implementationOf(factory);
    this.servletName = servletName;
  }

  /**
   * A NOTIFY in the dialog: same Call-ID and tags, its target and routes, in an application session
   * of its own that ends when the NOTIFY is answered ({@link #NOTIFY_SESSION}).
   */
  SipServletRequest notify(Notification notification) {
    DialogState dialog = notification.dialog();
    try {
      SipApplicationSession application = factory.createApplicationSession();
      SipServletRequest notify = implementation.createRequest(
          application,
          "NOTIFY",
          factory.createAddress(factory.createURI(notification.presentity().uri())),
          factory.createAddress(factory.createURI(notification.watcher().uri())),
          servletName,
          dialog.callId(),
          dialog.localTag());
      Message message = ((SipServletRequestImpl) notify).getMessage();
      ((ToHeader) message.getHeader(ToHeader.NAME)).setTag(dialog.remoteTag());
      notify.setRequestURI(factory.createURI(dialog.remoteTarget()));
      pushRouteSet(notify, dialog, factory);
      notify.getSession().setAttribute(NOTIFY_SESSION, Boolean.TRUE);
      return notify;
    } catch (ServletException | java.text.ParseException | RuntimeException e) {
      throw new NotifyFailedException("cannot continue the dialog " + dialog.callId() + ": " + e.getMessage(), e);
    }
  }

  /** Session attribute of a NOTIFY's own session: it is freed when the NOTIFY is answered. */
  static final String NOTIFY_SESSION = "org.presenceagent.notify-session";

  /** Puts the stored route set on a request as Route headers (RFC 3261 section 12.2.1.1). */
  private static void pushRouteSet(SipServletRequest request, DialogState dialog, SipFactory factory) {
    List<String> routes = dialog.routeSet();
    try {
      // pushRoute puts a header on top: push the route set backwards to keep its order.
      for (int i = routes.size() - 1; i >= 0; i--) {
        request.pushRoute(factory.createAddress(routes.get(i)));
      }
    } catch (ServletException e) {
      throw new NotifyFailedException("stored route set of " + dialog.callId() + " is unusable: " + e.getMessage(), e);
    }
  }

  /**
   * Drops the JAIN-SIP dialog the container made when it answered a SUBSCRIBE: the application keeps
   * the dialog. Without a container dialog, the watcher's next request in it (refresh, un-subscribe)
   * arrives as a new request and the use case finds the subscription by its key; a kept one would
   * hold its memory for the subscription's life, and after a restart could not be mapped back to
   * this application anyway (it names an application session of the previous process).
   */
  static void forgetContainerDialog(SipServletRequest request) {
    Dialog dialog = ((SipServletRequestImpl) request).getDialog();
    if (dialog != null) {
      dialog.delete();
    }
  }

  static SipFactoryImpl implementationOf(SipFactory factory) {
    if (factory instanceof SipFactoryImpl implementation) {
      return implementation;
    }
    if (!(factory instanceof SipFactoryFacade)) {
      throw new IllegalStateException("dialogs kept by the application need Restcomm's SipFactory, not " + factory.getClass().getName());
    }
    try {
      Field field = SipFactoryFacade.class.getDeclaredField(FACTORY_FIELD);
      field.setAccessible(true);
      return (SipFactoryImpl) field.get(factory);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("this Restcomm version hides its SipFactoryImpl: dialogs cannot be continued", e);
    }
  }
}
