package org.presenceagent.sip;

import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.MaxForwards;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import java.io.IOException;
import java.util.ListIterator;
import java.util.Optional;
import java.util.Set;
import javax.servlet.sip.SipFactory;
import javax.sip.InvalidArgumentException;
import javax.sip.SipStack;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers malformed requests with 400 before they reach the container (RFC 3261 section 8.2.2
 * and 21.4.1). JAIN-SIP drops a header whose value it cannot parse (e.g. {@code Expires: soon},
 * a broken {@code Contact}) and passes the request on without it; the request would then be served
 * as if the header had been absent, or end in the container's 500. This valve, installed as the
 * stack's {@code gov.nist.javax.sip.SIP_MESSAGE_VALVE}, refuses such requests instead, naming the
 * header in the reason phrase; so are requests that lack a header JAIN-SIP requires (a SUBSCRIBE
 * without Contact), for which the container would answer 500. ACK has no response and is let through.
 *
 * <p>It also answers, statelessly, any new request (no To tag) whose method the application is not
 * routed (the DAR lists SUBSCRIBE, PUBLISH, OPTIONS, REGISTER, MESSAGE, INVITE and REFER): the
 * container would otherwise proxy it to its Request-URI outside any application, looking up and
 * contacting whatever host a client names, an open relay for BYE, NOTIFY, INFO or a made-up
 * method, and a 500 when the host does not resolve. A standard method gets 405 with {@code Allow},
 * an unknown one 501 (RFC 3261 sections 8.2.1 and 21.5.2).
 */
public final class MalformedRequestValve implements SIPMessageValve {

  private static final Logger LOG = LoggerFactory.getLogger(MalformedRequestValve.class);
  private static final AddressFactoryImpl ADDRESSES = new AddressFactoryImpl();

  /** Methods the application is routed, and the two that belong to a transaction of one of them. */
  private static final Set<String> ROUTED = Set.of(
      "SUBSCRIBE", "PUBLISH", "OPTIONS", "REGISTER", "MESSAGE", "INVITE", "REFER", Request.ACK, Request.CANCEL);
  /** The rest of RFC 3261's registry and its extensions: known, not served here. */
  private static final Set<String> STANDARD = Set.of("BYE", "NOTIFY", "INFO", "UPDATE", "PRACK");

  @Override
  public boolean processRequest(SIPRequest request, MessageChannel channel) {
    if (request.getToTag() == null && !ROUTED.contains(request.getMethod())) {
      refuseMethod(request, channel);
      return false;
    }
    if (Request.ACK.equals(request.getMethod())) {
      return true;
    }
    Optional<String> missing = missingRequiredHeader(request);
    if (missing.isPresent()) {
      refuse(request, channel, "Missing " + missing.get() + " header");
      return false;
    }
    if (!sameTransport(request, channel)) {
      // the container looks for a listening point of the Via's transport to answer: none is a 500
      refuse(request, channel, "Invalid Via header (transport)");
      return false;
    }
    Optional<String> unreadable = unreadableUri(request);
    if (unreadable.isPresent()) {
      refuse(request, channel, "Invalid " + unreadable.get());
      return false;
    }
    ListIterator<String> unparsed = request.getUnrecognizedHeaders();
    if (!unparsed.hasNext()) {
      return true;
    }
    String header = unparsed.next();
    String name = header.contains(":") ? header.substring(0, header.indexOf(':')).trim() : header.trim();
    refuse(request, channel, "Invalid " + name + " header");
    return false;
  }

  /**
   * The header JAIN-SIP requires of the request and it lacks (a SUBSCRIBE without Contact, a
   * PUBLISH without Event...): the container would fail to make its server transaction and answer
   * 500. A missing Max-Forwards is not one: the container adds it (broken Cisco phones omit it).
   */
  private static Optional<String> missingRequiredHeader(SIPRequest request) {
    try {
      if (request.getMaxForwards() == null) {
        request.setHeader(new MaxForwards(70));
      }
      request.checkHeaders();
      return Optional.empty();
    } catch (java.text.ParseException e) {
      String message = String.valueOf(e.getMessage());
      int colon = message.lastIndexOf(':');
      return Optional.of(colon >= 0 ? message.substring(colon + 1).trim() : "required");
    } catch (InvalidArgumentException e) {
      return Optional.empty(); // 70 is a valid Max-Forwards
    }
  }

  /**
   * A Request-URI, From or To URI that is neither SIP nor tel and that the container cannot read
   * back ({@code <*ip:user@host>}: JAIN-SIP keeps it as a generic URI, and the container's
   * application router fails on it with a 500). Only such URIs are parsed again, so a well-formed
   * request costs two type checks.
   */
  private static Optional<String> unreadableUri(SIPRequest request) {
    if (unreadable(request.getRequestURI())) {
      return Optional.of("Request-URI");
    }
    if (request.getFrom() != null && unreadable(request.getFrom().getAddress().getURI())) {
      return Optional.of("From header");
    }
    if (request.getTo() != null && unreadable(request.getTo().getAddress().getURI())) {
      return Optional.of("To header");
    }
    return Optional.empty();
  }

  /** RFC 3261 section 18.2.1: the top Via names the transport the request came over. */
  private static boolean sameTransport(SIPRequest request, MessageChannel channel) {
    javax.sip.header.ViaHeader via = request.getTopmostViaHeader();
    return via == null || via.getTransport() == null || via.getTransport().equalsIgnoreCase(channel.getTransport());
  }

  private static boolean unreadable(javax.sip.address.URI uri) {
    if (uri == null) {
      return true;
    }
    if (uri instanceof javax.sip.address.SipURI || uri instanceof javax.sip.address.TelURL) {
      return false;
    }
    try {
      ADDRESSES.createURI(uri.toString());
      return false;
    } catch (java.text.ParseException | RuntimeException e) {
      return true;
    }
  }

  private static void refuse(SIPRequest request, MessageChannel channel, String reason) {
    try {
      SIPResponse response = request.createResponse(Response.BAD_REQUEST, ReasonPhrase.sanitize(reason));
      OverloadValve.tagged(response);
      channel.sendMessage(response);
      LOG.debug("{} answered 400 {} (Call-ID {})", request.getMethod(), reason, request.getCallId().getCallId());
    } catch (IOException | java.text.ParseException | RuntimeException e) {
      // without Via, From, To, Call-ID or CSeq there is nobody to answer: the request is dropped
      LOG.debug("could not answer a malformed {}: {}", request.getMethod(), e.getMessage());
    }
  }

  private static void refuseMethod(SIPRequest request, MessageChannel channel) {
    boolean standard = STANDARD.contains(request.getMethod());
    SIPResponse response = request.createResponse(standard ? Response.METHOD_NOT_ALLOWED : Response.NOT_IMPLEMENTED);
    try {
      OverloadValve.tagged(response);
      response.addHeader(SipHeaders.ALLOW + ": " + SipHeaders.ALLOWED_METHODS); // a list: createHeader takes singletons only
      channel.sendMessage(response);
    } catch (IOException | java.text.ParseException e) {
      LOG.debug("could not refuse a {} (Call-ID {}): {}", standard ? "method" : "made-up method",
          request.getCallId().getCallId(), e.getMessage());
    }
  }

  /**
   * Adds a valve to the stack under {@code factory} unless one is configured there (by class name:
   * a container-level one may come from another class loader).
   *
   * @return undoes what this call did, for undeployment
   */
  static Runnable attach(SipFactory factory) {
    StackValves valves = StackValves.of(factory);
    if (valves.configured(MalformedRequestValve.class).isPresent()) {
      return () -> { };
    }
    // last, after overload control: a refused request is not worth checking
    return valves.add(new MalformedRequestValve(), false, "request validation");
  }

  @Override
  public boolean processResponse(Response response, MessageChannel channel) {
    return true;
  }

  @Override
  public void init(SipStack stack) {
    // stateless
  }

  @Override
  public void destroy() {
    // stateless
  }
}
