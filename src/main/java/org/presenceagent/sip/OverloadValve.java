package org.presenceagent.sip;

import gov.nist.javax.sip.Utils;
import gov.nist.javax.sip.header.RetryAfter;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sip.InvalidArgumentException;
import javax.sip.SipStack;
import javax.sip.message.Request;
import javax.sip.message.Response;
import javax.servlet.sip.SipFactory;
import org.presenceagent.application.overload.AdmissionControl;
import org.presenceagent.application.overload.AdmissionControl.Verdict;
import org.presenceagent.sip.stack.QueueDelay;
import org.presenceagent.sip.stack.RawRequest;
import org.presenceagent.sip.stack.RawRequestGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Overload control at the door (RFC 6357 section 5): each request is asked of the
 * {@link AdmissionControl} right after JAIN-SIP parsed it and before the transaction layer or the
 * container did any work, and a refused one is answered {@code 503 Service Unavailable} with
 * {@code Retry-After} (RFC 3261 section 21.5.4) straight from here, statelessly: a refusal costs a
 * parse and a small response, so a server that is behind catches up instead of collapsing.
 *
 * <p>New requests (no To tag) are refused when the server is behind; requests in a dialog (a
 * refresh, an un-subscribe) finish work already started and always pass, as do ACK, CANCEL,
 * responses, and retransmissions of requests already being handled (their transaction answers
 * them). An OPTIONS outside a dialog is a load balancer's liveness probe and is answered while the
 * server is merely behind ({@link AdmissionControl#admitProbe}). While the server stops, every
 * request but ACK and CANCEL is refused.
 *
 * <p>Installed as a stack valve ({@code gov.nist.javax.sip.SIP_MESSAGE_VALVE}) by the standalone
 * server, or added by the application to the stack of the container it is deployed in
 * ({@link #attach}); it admits everything until the application attaches its admission control.
 */
public final class OverloadValve implements SIPMessageValve, RawRequestGate {

  private static final Logger LOG = LoggerFactory.getLogger(OverloadValve.class);

  private volatile AdmissionControl admission;
  private volatile SIPTransactionStack stack;

  @Override
  public boolean processRequest(SIPRequest request, MessageChannel channel) {
    AdmissionControl gate = admission;
    if (gate == null) {
      return true;
    }
    Verdict verdict = verdictFor(gate, request.getMethod(), request.getToTag() != null,
        QueueDelay.ofCurrentMessage(), QueueDelay.queuedBehindCurrentMessage());
    if (verdict == Verdict.ADMITTED || retransmission(request)) {
      return true;
    }
    gate.countRefusal(verdict);
    refuse(request, channel, gate, verdict);
    return false;
  }

  /**
   * Which admission test a request faces, the one rule for both entry points: ACK and CANCEL always
   * pass (they finish or stop a transaction already in hand); a request with a To tag is in a dialog
   * and finishes work already started; an OPTIONS outside a dialog is a liveness probe; anything
   * else starts new work. Judged only: the caller counts a refusal once it is sure to refuse.
   */
  private static Verdict verdictFor(AdmissionControl gate, String method, boolean toTagged, long waitedMillis,
      long queuedBehind) {
    if (Request.ACK.equals(method) || Request.CANCEL.equals(method)) {
      return Verdict.ADMITTED;
    }
    if (toTagged) {
      return gate.judgeInDialog();
    }
    if (Request.OPTIONS.equals(method)) {
      return gate.judgeProbe();
    }
    return gate.judgeNew(waitedMillis, queuedBehind);
  }

  /** A retransmission of a request already being handled: its transaction answers it. */
  private boolean retransmission(SIPRequest request) {
    SIPTransactionStack current = stack;
    return current != null && current.findTransaction(request, true) != null;
  }

  /**
   * The same judgement as {@link #processRequest} ({@link #verdictFor}) for a UDP request not yet
   * parsed: what the valve would refuse after the parse, unless it is a retransmission of a request
   * in hand, is refused from its raw lines. Anything the raw reading cannot tell is left to the parse.
   */
  @Override
  public Refusal refuseBeforeParse(long waitedMillis, long queuedBehind, Supplier<Optional<RawRequest>> readRequest) {
    AdmissionControl gate = admission;
    SIPTransactionStack current = stack;
    // A new request faces the strictest test: when even it would pass, nothing is refused and the
    // datagram need not be read at all (the common case, so it costs one comparison).
    if (gate == null || current == null || gate.judgeNew(waitedMillis, queuedBehind) == Verdict.ADMITTED) {
      return null;
    }
    Optional<RawRequest> read = readRequest.get();
    if (read.isEmpty()) {
      return null;
    }
    RawRequest request = read.get();
    Verdict verdict = verdictFor(gate, request.method(), request.toTagged(), waitedMillis, queuedBehind);
    if (verdict == Verdict.ADMITTED || current.findTransaction(request.transactionId(), true) != null) {
      return null;
    }
    gate.refusedBeforeParse(verdict);
    return new Refusal(request, reasonPhrase(verdict), gate.retryAfterSeconds());
  }

  private static String reasonPhrase(Verdict verdict) {
    return verdict == Verdict.STOPPING ? "Service Unavailable (stopping)" : "Service Unavailable (overloaded)";
  }

  private static void refuse(SIPRequest request, MessageChannel channel, AdmissionControl gate, Verdict verdict) {
    SIPResponse response = request.createResponse(Response.SERVICE_UNAVAILABLE, reasonPhrase(verdict));
    try {
      tagged(response);
      RetryAfter retryAfter = new RetryAfter();
      retryAfter.setRetryAfter(gate.retryAfterSeconds());
      response.setHeader(retryAfter);
      channel.sendMessage(response);
    } catch (IOException | InvalidArgumentException | java.text.ParseException e) {
      LOG.debug("could not refuse {} (Call-ID {}): {}", request.getMethod(), request.getCallId().getCallId(), e.getMessage());
    }
  }

  /**
   * A response this valve sends statelessly gets a To tag when the request had none (RFC 3261
   * section 8.2.6.2: a UAS MUST add one to every response but 100).
   */
  static void tagged(SIPResponse response) throws java.text.ParseException {
    if (response.getToTag() == null) {
      response.getTo().setTag(Utils.getInstance().generateTag());
    }
  }

  @Override
  public boolean processResponse(Response response, MessageChannel channel) {
    return true;
  }

  @Override
  public void init(SipStack sipStack) {
    this.stack = (SIPTransactionStack) sipStack;
  }

  @Override
  public void destroy() {
    admission = null;
  }

  /** From now on requests on {@code sipStack} are judged by {@code control}. */
  void connect(SIPTransactionStack sipStack, AdmissionControl control) {
    this.stack = sipStack;
    this.admission = control;
  }

  /**
   * Connects the application's admission control to the stack under {@code factory}: to the valve
   * the stack was configured with, or to one added now (a container configured without it).
   *
   * @return undoes what this call did (detaches, or removes the added valve), for undeployment
   */
  static Runnable attach(SipFactory factory, AdmissionControl admission) {
    StackValves valves = StackValves.of(factory);
    for (SIPMessageValve valve : valves.stack().sipMessageValves) {
      if (valve instanceof OverloadValve configured) {
        configured.connect(valves.stack(), admission);
        return () -> { }; // left in place: while the server stops it keeps answering 503
      }
    }
    OverloadValve added = new OverloadValve();
    added.connect(valves.stack(), admission);
    Runnable remove = valves.add(added, true, "overload control");
    return () -> {
      remove.run();
      added.admission = null;
    };
  }
}
