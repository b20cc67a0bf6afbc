package org.presenceagent.sip;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.servlet.ServletContext;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServlet;
import org.presenceagent.application.message.MessageService;
import org.presenceagent.application.notify.NotifyResponseService;
import org.presenceagent.application.overload.AdmissionControl;
import org.presenceagent.application.port.NotifySender;
import org.presenceagent.application.publish.PublishService;
import org.presenceagent.application.identity.AddressRanges;
import org.presenceagent.application.identity.DigestVerifier;
import org.presenceagent.application.identity.LocalDomains;
import org.presenceagent.application.register.RegisterService;
import org.presenceagent.application.subscribe.SubscribeService;

/**
 * What the SIP servlets need from the application, built by the composition root and handed to
 * them through one servlet-context attribute (no statics). Created in two steps because the
 * use cases need the {@link NotifySender}, which needs the container's factory.
 */
public final class SipHandlers {

  /** The SIP servlet's name in sip.xml: it handles the answers to the NOTIFYs of every dialog. */
  static final String SERVLET_NAME = "presence";

  /** The servlet-context attribute under which the composition root stores the handlers. */
  public static final String ATTRIBUTE = SipHandlers.class.getName();

  private final SipFactory sipFactory;
  private final SipNotifySender notifySender;
  private final ListeningAddresses listening;
  private int maxContacts = Integer.MAX_VALUE;
  private boolean allowInternalContacts = true;
  private RegisterService registerService;
  private IdentityCheck identity = IdentityCheck.OPEN;
  private SelfContacts selfContacts = SelfContacts.NONE;
  private MessageService messageService;
  private List<String> allowEvents = List.of("presence");
  private List<String> acceptTypes = List.of("application/pidf+xml");
  private Clock clock = Clock.systemUTC();
  private SubscribeService subscribeService;
  private PublishService publishService;
  private NotifyResponseService notifyResponseService;
  private int maxBodySize;
  private int pendingStatus;
  private SipTraffic traffic = SipTraffic.NONE;
  private AdmissionControl admission = new AdmissionControl(Long.MAX_VALUE, Integer.MAX_VALUE, 1);
  private Runnable detachAdmission = () -> { };
  private Runnable detachValidation = () -> { };

  private SipHandlers(SipFactory sipFactory, ListeningAddresses listening) {
    this.sipFactory = sipFactory;
    this.listening = listening;
    this.notifySender = new SipNotifySender(sipFactory, new DialogRequests(sipFactory, SERVLET_NAME));
  }

  /**
   * Starts wiring for a deployed application: takes the container's {@link SipFactory} from the
   * servlet context.
   *
   * @throws IllegalStateException when the context is not a SIP servlet context
   */
  public static SipHandlers forContext(ServletContext context) {
    SipFactory factory = (SipFactory) context.getAttribute(SipServlet.SIP_FACTORY);
    if (factory == null) {
      throw new IllegalStateException("no SipFactory in the servlet context: not deployed in a SIP servlet container");
    }
    return new SipHandlers(factory, new ListeningAddresses(() -> context.getAttribute(SipServlet.OUTBOUND_INTERFACES)));
  }

  /** The NOTIFY sender the use cases are built with. */
  public NotifySender notifySender() {
    return notifySender;
  }

  /** Completes the wiring with the use cases and request limits. */
  public SipHandlers connect(
      SubscribeService subscribe,
      PublishService publish,
      NotifyResponseService notifyResponses,
      int maxBodySize,
      int pendingStatus) {
    this.subscribeService = subscribe;
    this.publishService = publish;
    this.notifyResponseService = notifyResponses;
    this.maxBodySize = maxBodySize;
    this.pendingStatus = pendingStatus;
    return this;
  }

  /** Adds the registrar (RFC 3261 section 10); without it REGISTER gets 405. */
  public SipHandlers withRegistrar(RegisterService registrar, Clock registrarClock) {
    this.registerService = registrar;
    this.clock = registrarClock;
    return this;
  }

  /**
   * Who may act as whom: requests for other domains than {@code domains} are refused, requests from
   * {@code trustedProxies} carry their sender's identity, others are digest-authenticated when a
   * verifier is given (RFC 3261 section 22.4); REGISTER contacts pointing at one of the container's
   * own SIP addresses are refused. Without it every domain is served and From is believed.
   */
  public SipHandlers withIdentity(Optional<DigestVerifier> digest, AddressRanges trustedProxies, LocalDomains domains) {
    this.identity = new IdentityCheck(digest, trustedProxies, Optional.of(domains));
    this.selfContacts = new SelfContacts(listening, domains);
    return this;
  }

  /**
   * The hosts the container listens on for SIP (part of the default local domains), asked at each
   * use: the connectors may start after the application.
   */
  public Supplier<Set<String>> listeningHosts() {
    return listening::hosts;
  }

  /** Adds MESSAGE delivery to registered users (RFC 3428); without it MESSAGE gets 405. */
  public SipHandlers withMessaging(MessageService messages) {
    this.messageService = messages;
    return this;
  }

  /**
   * Limits on what a client can make the server hold or do with REGISTER and MESSAGE ({@code
   * max_contacts}, {@code allow_internal_contacts}); without them there are none.
   */
  public SipHandlers withContactLimits(int maxContactsPerAor, boolean internalContactsAllowed) {
    this.maxContacts = maxContactsPerAor;
    this.allowInternalContacts = internalContactsAllowed;
    return this;
  }

  /** What OPTIONS advertises (RFC 3261 section 11.2, RFC 6665 section 8.2.2). */
  public SipHandlers withCapabilities(List<String> eventPackages, List<String> publishableTypes) {
    this.allowEvents = List.copyOf(eventPackages);
    this.acceptTypes = List.copyOf(publishableTypes);
    return this;
  }

  /** Adds the observer of handled requests and NOTIFY answers (the metrics). */
  public SipHandlers withTraffic(SipTraffic observer) {
    this.traffic = observer;
    return this;
  }

  /**
   * Connects overload control: the stack's {@link OverloadValve} asks it about each request (the
   * valve is added to the container's stack when it was not configured with one).
   */
  public SipHandlers withAdmission(AdmissionControl control) {
    this.admission = control;
    this.detachAdmission = OverloadValve.attach(sipFactory, control);
    return this;
  }

  /**
   * Adds {@link MalformedRequestValve} to the stack of a container configured without it (the
   * standalone server configures it): requests the container cannot serve are refused at the door
   * instead of answered 500 or relayed to any host.
   */
  public SipHandlers withRequestValidation() {
    this.detachValidation = MalformedRequestValve.attach(sipFactory);
    return this;
  }

  /** Undoes {@link #withAdmission} and {@link #withRequestValidation} where they added a valve (undeployed). */
  public void detachFromStack() {
    detachAdmission.run();
    detachValidation.run();
  }

  AdmissionControl admission() {
    return admission;
  }

  SipTraffic traffic() {
    return traffic;
  }

  List<String> allowEvents() {
    return allowEvents;
  }

  List<String> acceptTypes() {
    return acceptTypes;
  }

  Optional<MessageService> messageService() {
    return Optional.ofNullable(messageService);
  }

  IdentityCheck identity() {
    return identity;
  }

  SelfContacts selfContacts() {
    return selfContacts;
  }

  Optional<RegisterService> registerService() {
    return Optional.ofNullable(registerService);
  }

  int maxContacts() {
    return maxContacts;
  }

  boolean allowInternalContacts() {
    return allowInternalContacts;
  }

  /** This server's SIP addresses as {@code host:port} (a MESSAGE branch to one of them is a loop). */
  Set<String> ownAddresses() {
    return listening.hostPorts();
  }

  SipFactory sipFactory() {
    return sipFactory;
  }

  Clock clock() {
    return clock;
  }

  SubscribeService subscribeService() {
    return subscribeService;
  }

  PublishService publishService() {
    return publishService;
  }

  NotifyResponseService notifyResponseService() {
    return notifyResponseService;
  }

  int maxBodySize() {
    return maxBodySize;
  }

  int pendingStatus() {
    return pendingStatus;
  }
}
