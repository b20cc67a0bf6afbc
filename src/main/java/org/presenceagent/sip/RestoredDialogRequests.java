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
 * Builds in-dialog NOTIFYs for dialogs the container does not know: subscriptions restored from
 * the database after a restart (RFC 3261 section 12.2.2 lets a UAS continue a dialog it lost).
 *
 * <p>The standard {@link SipFactory} cannot do it: it strips the tags it is given. Restcomm's
 * implementation has a {@code createRequest} that takes the Call-ID and our From tag; the
 * watcher's To tag is then set on the JAIN-SIP message, the Request-URI is the stored remote
 * target and the stored route set becomes the Route headers. Responses find their way back to the
 * application through the Via branch, like any NOTIFY's. This is the only class that uses the
 * container's implementation classes for it; {@code RestoredDialogRequestsTest} fails loudly if a
 * container upgrade removes what it relies on. (Why not re-create the container's dialog: its
 * HA internals are package-private and fragile, see docs/failover.md.)
 */
final class RestoredDialogRequests {

  private static final String FACTORY_FIELD = "sipFactoryImpl";

  private final SipFactory factory;
  private final SipFactoryImpl implementation;
  private final String servletName;

  RestoredDialogRequests(SipFactory factory, String servletName) {
    this.factory = factory;
    this.implementation = implementationOf(factory);
    this.servletName = servletName;
  }

  /** A NOTIFY in the stored dialog: same Call-ID and tags, stored target and routes. */
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
      notify.getSession().setAttribute(RESTORED, Boolean.TRUE);
      return notify;
    } catch (ServletException | java.text.ParseException | RuntimeException e) {
      throw new NotifyFailedException("cannot continue the restored dialog " + dialog.callId() + ": " + e.getMessage(), e);
    }
  }

  /** Session attribute of a NOTIFY sent in a restored dialog: its session is freed on the answer. */
  static final String RESTORED = "org.presenceagent.restored-dialog";

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
   * Drops the JAIN-SIP dialog the container made when it answered a request of a restored dialog:
   * the container could not map that dialog's next request back to this application (it looks for
   * the application session named in our tag, which died with the previous process), while without
   * it the request arrives as a new one and the use case finds the subscription in storage.
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
      throw new IllegalStateException("restored dialogs need Restcomm's SipFactory, not " + factory.getClass().getName());
    }
    try {
      Field field = SipFactoryFacade.class.getDeclaredField(FACTORY_FIELD);
      field.setAccessible(true);
      return (SipFactoryImpl) field.get(factory);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("this Restcomm version hides its SipFactoryImpl: restored dialogs cannot be continued", e);
    }
  }
}
