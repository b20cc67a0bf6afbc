package org.presenceagent.sip;

import gov.nist.javax.sip.stack.SIPClientTransaction;
import gov.nist.javax.sip.stack.SIPServerTransaction;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.sip.Transaction;
import javax.sip.message.Request;
import org.mobicents.servlet.sip.core.session.MobicentsSipSession;
import org.mobicents.servlet.sip.message.SipServletRequestImpl;
import org.mobicents.servlet.sip.message.SipServletResponseImpl;

/**
 * Lets go of what the container hangs on an answered request's server transaction. Over UDP the
 * transaction stays for 32 s after its final response (RFC 3261 Timer J), only to answer
 * retransmissions with the response it already sent; meanwhile it held the container's data for
 * the request (the request and response wrappers, their SIP and application sessions) and, for a
 * SUBSCRIBE, the container's dialog: at a thousand requests a second, about 30,000 transactions
 * and hundreds of megabytes, copied by every young garbage collection, and a task on the
 * container's executor for each when it finally ends (docs/performance.md). Our sessions are
 * already freed when this runs; the transaction keeps what retransmissions need (its branch and
 * the response's bytes).
 *
 * <p>Uses the container's implementation class (to reach the JAIN-SIP transaction) and JAIN-SIP's
 * server transaction API directly, so an upgrade that changes them fails the build; what it frees
 * is measured by {@code bench/idle-memory.sh} and the churn profile of docs/performance.md.
 */
final class TransactionRelease {

  private TransactionRelease() {}

  /**
   * After the final response to a request we sent (a NOTIFY, a MESSAGE branch): frees its session
   * ({@code freeSession}), then lets go of the container's data on its client transaction, which
   * stays 5 s more (RFC 3261 Timer K).
   */
  static void freeingClient(SipServletResponse response, Runnable freeSession) {
    Transaction transaction = response instanceof SipServletResponseImpl implementation ? implementation.getTransaction() : null;
    freeSession.run();
    if (transaction instanceof SIPClientTransaction client) {
      client.setApplicationData(null);
    }
  }

  /**
   * Frees the request's sessions ({@code freeSessions}), then what its server transaction holds.
   * The transaction is taken first: freeing the sessions makes the request forget it.
   *
   * <p>The transaction is first taken out of its SIP session's ongoing transactions: the container
   * terminates every ongoing transaction of a session it invalidates, and a terminated transaction
   * answers no retransmission. RFC 3261 section 17.2.2 wants a non-INVITE server transaction to
   * answer each retransmission of its request with its final response until Timer J (32 s over
   * UDP): else a client whose 200 was lost (a full socket buffer under load) retransmits into
   * silence for 32 s and fails, though its request was served.
   */
  static void freeing(SipServletRequest request, Runnable freeSessions) {
    SipServletRequestImpl implementation = request instanceof SipServletRequestImpl answered
        && !Request.INVITE.equals(request.getMethod()) ? answered : null;
    Transaction transaction = implementation != null ? implementation.getTransaction() : null;
    if (transaction != null) {
      MobicentsSipSession session = implementation.getSipSession();
      if (session != null) {
        session.removeOngoingTransaction(transaction);
      }
    }
    freeSessions.run();
    if (transaction instanceof SIPServerTransaction server) {
      server.setApplicationData(null);
      server.setDialog(null, null);
    }
  }
}
