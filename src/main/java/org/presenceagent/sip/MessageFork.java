package org.presenceagent.sip;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipURI;
import javax.servlet.sip.ServletParseException;
import javax.servlet.sip.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a MESSAGE to the recipient's contacts in parallel and answers the sender as a forking
 * proxy would (RFC 3261 section 16.7, RFC 3428 section 7): the first 2xx from any branch is
 * forwarded at once (step 5), and only when every branch failed does the best of their final
 * responses go back (step 6: a 6xx wins, otherwise the lowest class; a 503 becomes 500).
 *
 * <p>Why not the container's {@code Proxy}: for a parallel proxy Restcomm forwards a 2xx before the
 * other branches end only for INVITE ({@code ProxyImpl.onFinalResponse}); for a MESSAGE it waits
 * for every branch. A phone switched off without unregistering (the common case) keeps its branch
 * open until Timer F (32 s), and the sender's own transaction has failed by then although the live
 * phone answered 200 at once. So each branch is a request of ours, in one application session that
 * ends with the last branch, and this class keeps the sender's transaction.
 *
 * <p>Bounded work (RFC 5393): the request's {@code Max-Breadth} (60 when absent, section 5.2) caps
 * the branches and is shared among them, so a chain of forking proxies cannot multiply one MESSAGE
 * without bound; the caller passes at most {@code max_contacts} contacts. {@code Max-Forwards} is
 * decremented (0 gets 483), and a contact that is one of this server's own SIP addresses is a loop
 * (482 when nothing else is left): it would bring the MESSAGE straight back here.
 */
final class MessageFork {

  /** RFC 5393 section 5.2: the Max-Breadth a proxy assumes when a request has none. */
  static final int DEFAULT_MAX_BREADTH = 60;
  static final String MAX_BREADTH = "Max-Breadth";

  private static final Logger LOG = LoggerFactory.getLogger(MessageFork.class);
  private static final String ATTRIBUTE = MessageFork.class.getName();
  private static final int DEFAULT_MAX_FORWARDS = 70;
  /** Header fields of RFC 3428 and RFC 3261 that describe the message itself and go to every branch. */
  private static final List<String> COPIED_HEADERS = List.of(
      "Date", "Subject", "Priority", "In-Reply-To", "Content-Disposition", "Content-Language", "Content-Encoding",
      "Require");

  private final SipServletRequest original;
  /** Each branch's application session, freed when the fork ends. */
  private final List<SipApplicationSession> branches = new CopyOnWriteArrayList<>();
  private final AtomicInteger pending;
  private final AtomicBoolean answered = new AtomicBoolean();
  private int bestStatus; // guarded by this
  private String bestReason; // guarded by this

  private MessageFork(SipServletRequest original, int count) {
    this.original = original;
    this.pending = new AtomicInteger(count);
  }

  /**
   * Sends the MESSAGE to {@code contacts} (best first); the sender is answered later, from {@link
   * #onResponse}.
   *
   * @param ownAddresses this server's SIP addresses as {@code host:port}, lower-case
   * @throws SipResponseException 483, 440, 482 or 480 when no branch can be started
   */
  static void start(SipServletRequest request, List<String> contacts, SipFactory factory, Set<String> ownAddresses) {
    int maxForwards = request.getMaxForwards();
    if (maxForwards == 0) {
      throw new SipResponseException(483, "Too Many Hops");
    }
    int breadth = maxBreadth(request);
    if (breadth == 0) {
      throw new SipResponseException(440, "Max-Breadth Exceeded");
    }
    List<URI> targets = targets(contacts, factory, ownAddresses, breadth);
    MessageFork fork = new MessageFork(request, targets.size());
    int branchBreadth = breadth / targets.size();
    for (URI target : targets) {
      fork.send(factory, target, maxForwards < 0 ? DEFAULT_MAX_FORWARDS - 1 : maxForwards - 1, branchBreadth);
    }
  }

  /** A final response to one of our branches; anything else is ignored. */
  static void onResponse(SipServletResponse response) {
    if (response.getStatus() < 200) {
      return;
    }
    Object fork = response.getRequest().getAttribute(ATTRIBUTE);
    TransactionRelease.freeingClient(response, () -> { }); // the branches' session ends with the fork
    if (fork instanceof MessageFork messageFork) {
      messageFork.branchEnded(response.getStatus(), response.getReasonPhrase());
    }
  }

  private static int maxBreadth(SipServletRequest request) {
    String value = request.getHeader(MAX_BREADTH);
    if (value == null) {
      return DEFAULT_MAX_BREADTH;
    }
    String digits = value.trim();
    if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw SipResponseException.badRequest("Invalid Max-Breadth header");
    }
    return Integer.parseInt(digits);
  }

  private static List<URI> targets(List<String> contacts, SipFactory factory, Set<String> ownAddresses, int breadth) {
    List<URI> targets = new ArrayList<>(Math.min(contacts.size(), breadth));
    boolean loop = false;
    for (String contact : contacts) {
      if (targets.size() == breadth) {
        break; // RFC 5393 section 5.3.2: no more parallel branches than the breadth allows, best q first
      }
      try {
        URI uri = factory.createURI(contact);
        if (uri instanceof SipURI sip && ownAddresses.contains(ListeningAddresses.hostPort(sip))) {
          loop = true;
          continue;
        }
        targets.add(uri);
      } catch (ServletParseException | RuntimeException e) {
        // a binding we stored but cannot route to is skipped; the others still get the message
      }
    }
    if (targets.isEmpty()) {
      throw loop ? new SipResponseException(482, "Loop Detected") : new SipResponseException(480, "Temporarily Unavailable");
    }
    return targets;
  }

  private void send(SipFactory factory, URI target, int maxForwards, int breadth) {
    try {
      // The original's Call-ID, as a proxy keeps it (RFC 3261 section 16.6): the recipient sees the
      // sender's request, and a client that is both ends of a conversation can match it.
      SipServletRequest branch = factory.createRequest(original, true);
      branches.add(branch.getApplicationSession());
      branch.setRequestURI(target);
      branch.setMaxForwards(maxForwards);
      branch.setHeader(MAX_BREADTH, Integer.toString(breadth));
      for (String name : COPIED_HEADERS) {
        String value = original.getHeader(name);
        if (value != null) {
          branch.setHeader(name, value);
        }
      }
      if (original.getContentLength() > 0) {
        branch.setContent(original.getRawContent(), original.getContentType());
      }
      branch.setAttribute(ATTRIBUTE, this);
      branch.send();
    } catch (IOException | RuntimeException e) {
      LOG.debug("MESSAGE (Call-ID {}) not sent to {}: {}", original.getCallId(), target, e.getMessage());
      branchEnded(480, "Temporarily Unavailable");
    }
  }

  private void branchEnded(int status, String reason) {
    boolean last = pending.decrementAndGet() == 0;
    if (status < 300) {
      answer(status, reason);
    } else {
      keepIfBetter(status, reason);
    }
    if (last) {
      int best;
      String bestPhrase;
      synchronized (this) {
        best = bestStatus;
        bestPhrase = bestReason;
      }
      answer(best == 0 ? 480 : best, best == 0 ? "Temporarily Unavailable" : bestPhrase);
      branches.forEach(session -> SessionRelease.invalidate(session, original.getCallId()));
    }
  }

  private synchronized void keepIfBetter(int status, String reason) {
    boolean better = bestStatus == 0
        || (bestStatus < 600 && (status >= 600 || status / 100 < bestStatus / 100));
    if (better) {
      bestStatus = status == 503 ? 500 : status; // RFC 3261 section 16.7 step 6
      bestReason = status == 503 ? "Server Internal Error" : reason;
    }
  }

  private void answer(int status, String reason) {
    if (!answered.compareAndSet(false, true)) {
      return; // RFC 3261 section 16.7 step 10: later final responses to a non-INVITE are dropped
    }
    try {
      FinalStatus.send(original.createResponse(status, reason));
    } catch (IOException | RuntimeException e) {
      LOG.debug("MESSAGE (Call-ID {}) answer {} not sent: {}", original.getCallId(), status, e.getMessage());
    } finally {
      SessionRelease.afterFinalResponse(original);
    }
  }
}
