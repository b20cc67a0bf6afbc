package org.presenceagent.sip;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.sip.SipServlet;
import javax.servlet.sip.SipServletMessage;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import org.presenceagent.application.Completion;
import org.presenceagent.application.RequestRejectedException;
import org.presenceagent.application.message.MessageService;
import org.presenceagent.application.publish.PublishCommand;
import org.presenceagent.application.register.RegisterCommand;
import org.presenceagent.application.register.RegisterService;
import org.presenceagent.application.subscribe.SubscribeCommand;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.subscription.SubscriptionKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The presence server's SIP entry point (RFC 3856 presence agent, RFC 3903 event state
 * compositor). Thin on purpose: each method parses the request into a command and hands it to one
 * use case with a responder; every failure goes through {@link SipErrorResponder}. Requests that
 * change stored state are answered by their responder once the change is durable, usually on
 * another thread and after this method returned: the container's thread never waits for the
 * database.
 *
 * <p>Logging: while a message is handled its Call-ID is in the logging context under {@link
 * #CALL_ID}, so every line logged meanwhile (also by the container on this thread) can show it; each
 * request leaves one DEBUG line with method, Request-URI, From, To, Call-ID and the final status,
 * written when the final response leaves.
 */
public final class PresenceServlet extends SipServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(PresenceServlet.class);

  /** The 403 reason for a request to a domain we do not serve. */
  private static final String FOREIGN_DOMAIN = "Forbidden (not a local domain)";
  /** Kamailio's and OpenSIPS' words for a MESSAGE to a foreign domain: we are no open relay. */
  private static final String NOT_RELAYING = "Not relaying";

  /** The MDC key of the Call-ID of the message being handled (logback.xml shows it). */
  public static final String CALL_ID = "callId";

  private transient SipHandlers handlers;
  private transient FinalStatus.Reporter reporter;

  @Override
  public void init() throws ServletException {
    handlers = (SipHandlers) getServletContext().getAttribute(SipHandlers.ATTRIBUTE);
    if (handlers == null) {
      throw new ServletException("Presence Agent is not initialised: " + SipHandlers.ATTRIBUTE + " is missing");
    }
    reporter = this::handled;
  }

  /** Every request and response passes here: the Call-ID into the MDC, the request's report arranged. */
  @Override
  public void service(ServletRequest request, ServletResponse response) throws ServletException, IOException {
    SipServletMessage message = (SipServletMessage) (request != null ? request : response);
    MDC.put(CALL_ID, message.getCallId());
    try {
      if (request instanceof SipServletRequest sipRequest) {
        if (refusedWhileStopping(sipRequest)) {
          return;
        }
        handlers.admission().started();
        FinalStatus.expect(sipRequest, reporter);
      }
      super.service(request, response);
    } finally {
      if (request instanceof SipServletRequest sipRequest
          && ("ACK".equals(sipRequest.getMethod()) || "CANCEL".equals(sipRequest.getMethod()))) {
        FinalStatus.unanswered(sipRequest);
      }
      MDC.remove(CALL_ID);
    }
  }

  /**
   * A request that passed the stack's overload valve just before the server began to stop, and
   * reaches the servlet only now, is refused as the valve refuses those that come after: the server
   * waits for the requests in hand, and this one was not counted yet, so the use cases may already
   * be closed when it runs (its class loader may even be gone). ACK and CANCEL pass, as at the valve.
   */
  private boolean refusedWhileStopping(SipServletRequest request) {
    String method = request.getMethod();
    if ("ACK".equals(method) || "CANCEL".equals(method) || handlers.admission().admitInDialog()) {
      return false;
    }
    SipErrorResponder.reply(request, new RequestRejectedException(503, "Service Unavailable (stopping)",
        Map.of("Retry-After", Integer.toString(handlers.admission().retryAfterSeconds()))));
    return true;
  }

  private void handled(SipServletRequest request, int status, long inHandNanos) {
    handlers.admission().answered(inHandNanos);
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} {} from {} to {} (Call-ID {}) -> {}", request.getMethod(), request.getRequestURI(),
          request.getFrom().getURI(), request.getTo().getURI(), request.getCallId(), status == 0 ? "-" : status);
    }
    handlers.traffic().requestHandled(request.getMethod(), status);
  }

  @Override
  protected void doSubscribe(SipServletRequest request) {
    SipSubscribeResponder responder = new SipSubscribeResponder(request, handlers.pendingStatus());
    SubscribeCommand command;
    try {
      command = SubscribeRequestParser.parse(request);
      if (!command.inDialog()) {
        // Refreshes and removals are not challenged (as Kamailio's WITHINDLG route): the dialog, known
        // only to its two ends, was created by an authenticated SUBSCRIBE and keeps its watcher.
        command = command.fromWatcher(handlers.identity().sender(request, command.presentity(), command.watcher(),
            IdentityCheck.Binding.SENDER, FOREIGN_DOMAIN));
      }
    } catch (RuntimeException e) {
      responder.reject(e);
      return;
    }
    handlers.subscribeService().subscribe(command, responder);
  }

  @Override
  protected void doPublish(SipServletRequest request) {
    SipPublishResponder responder = new SipPublishResponder(request);
    try {
      PublishCommand command = PublishRequestParser.parse(request, handlers.maxBodySize());
      handlers.identity().sender(request, command.presentity(), RequestFields.fromAor(request),
          IdentityCheck.Binding.TARGET, FOREIGN_DOMAIN);
      handlers.publishService().publish(command, responder);
    } catch (RuntimeException e) {
      responder.reject(e);
    }
  }

  /** REGISTER: the built-in registrar (RFC 3261 section 10.3), for the authenticated owner of the To AOR. */
  @Override
  protected void doRegister(SipServletRequest request) {
    try {
      RegisterService registrar = handlers.registerService()
          .orElseThrow(() -> new SipResponseException(405, "Method Not Allowed", Map.of(SipHeaders.ALLOW, SipHeaders.ALLOWED_METHODS)));
      RegisterCommand command =
          RegisterRequestParser.parse(request, handlers.maxContacts(), handlers.allowInternalContacts());
      handlers.identity().sender(request, command.aor(), RequestFields.fromAor(request), IdentityCheck.Binding.TARGET,
          FOREIGN_DOMAIN);
      handlers.selfContacts().refuseLoops(request);
      registrar.register(command).whenComplete((bindings, failure) -> {
        if (failure != null) {
          SipErrorResponder.reply(request, Completion.cause(failure));
        } else {
          RegistrarResponses.ok(request, bindings, handlers.sipFactory(), handlers.clock());
        }
        SessionRelease.afterFinalResponse(request);
      });
    } catch (RuntimeException e) {
      SipErrorResponder.reply(request, e);
      SessionRelease.afterFinalResponse(request);
    }
  }

  /** MESSAGE to a local user: authorized, then relayed to the user's contacts (RFC 3428). */
  @Override
  protected void doMessage(SipServletRequest request) {
    try {
      MessageService messages = handlers.messageService()
          .orElseThrow(() -> new SipResponseException(405, "Method Not Allowed", Map.of(SipHeaders.ALLOW, SipHeaders.ALLOWED_METHODS)));
      if (request.getContentLength() > handlers.maxBodySize()) {
        throw new SipResponseException(413, "Request Entity Too Large (limit " + handlers.maxBodySize() + " bytes)");
      }
      Aor recipient = RequestFields.requestAor(request);
      Aor sender = handlers.identity().sender(request, recipient, RequestFields.fromAor(request),
          IdentityCheck.Binding.SENDER, NOT_RELAYING);
      List<String> contacts = messages.route(sender, recipient);
      MessageFork.start(request, contacts, handlers.sipFactory(), handlers.ownAddresses()); // answered by the fork
    } catch (RuntimeException e) {
      SipErrorResponder.reply(request, e);
      SessionRelease.afterFinalResponse(request);
    }
  }

  /** OPTIONS: a liveness probe and capability query (RFC 3261 section 11.2). */
  @Override
  protected void doOptions(SipServletRequest request) {
    try {
      SipServletResponse ok = request.createResponse(200);
      ok.setHeader(SipHeaders.ALLOW, SipHeaders.ALLOWED_METHODS);
      ok.setHeader(SipHeaders.ALLOW_EVENTS, String.join(", ", handlers.allowEvents()));
      ok.setHeader(SipHeaders.ACCEPT, String.join(", ", handlers.acceptTypes()));
      FinalStatus.send(ok);
    } catch (IOException e) {
      LOG.warn("could not answer OPTIONS (Call-ID {}): {}", request.getCallId(), e.getMessage());
    } catch (RuntimeException e) {
      SipErrorResponder.reply(request, e);
    } finally {
      SessionRelease.afterFinalResponse(request);
    }
  }

  /** Any other method routed here: 405 with the methods we serve (RFC 3261 section 21.4.6). */
  @Override
  protected void doRequest(SipServletRequest request) throws ServletException, IOException {
    String method = request.getMethod();
    if ("SUBSCRIBE".equals(method) || "PUBLISH".equals(method) || "OPTIONS".equals(method) || "REGISTER".equals(method)
        || "MESSAGE".equals(method)
        || "ACK".equals(method) || "CANCEL".equals(method)) {
      super.doRequest(request);
      return;
    }
    SipErrorResponder.reply(request, new SipResponseException(
        405, "Method Not Allowed", Map.of(SipHeaders.ALLOW, SipHeaders.ALLOWED_METHODS)));
    SessionRelease.afterFinalResponse(request);
  }

  /**
   * NOTIFY responses: the dialog's next NOTIFY may go; failures end the subscription (RFC 6665
   * section 4.2.2). Each NOTIFY has an application session of its own, freed here. Responses to the
   * branches of a relayed MESSAGE go to its {@link MessageFork}.
   */
  @Override
  protected void doResponse(SipServletResponse response) {
    if ("MESSAGE".equals(response.getMethod())) {
      MessageFork.onResponse(response);
      return;
    }
    if (!"NOTIFY".equals(response.getMethod()) || response.getStatus() < 200) {
      return;
    }
    handlers.traffic().notifyAnswered(response.getStatus());
    try {
      RequestFields.EventField event = RequestFields.event(response.getRequest());
      String watcherTag = response.getTo().getParameter("tag");
      if (watcherTag != null) {
        SubscriptionKey key = new SubscriptionKey(response.getCallId(), watcherTag, event.name(), event.id());
        handlers.notifyResponseService().onFinalResponse(key, response.getStatus());
      }
    } catch (RuntimeException e) {
      LOG.warn("NOTIFY response {} (Call-ID {}) not handled", response.getStatus(), response.getCallId(), e);
    } finally {
      TransactionRelease.freeingClient(response, () -> {
        if (isNotifySession(response)) {
          SessionRelease.invalidate(response.getApplicationSession(false), response.getCallId());
        }
      });
    }
  }

  /** Whether the response belongs to a NOTIFY's own session (one the application made to be freed). */
  private static boolean isNotifySession(SipServletResponse response) {
    try {
      return response.getSession().getAttribute(DialogRequests.NOTIFY_SESSION) != null;
    } catch (IllegalStateException e) {
      return false; // already invalidated: nothing left to free
    }
  }
}
