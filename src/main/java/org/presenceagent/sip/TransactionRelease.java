package org.presenceagent.sip;

import gov.nist.javax.sip.stack.SIPClientTransaction;
import gov.nist.javax.sip.stack.SIPServerTransaction;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.sip.Transaction;
import javax.sip.message.Request;
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
   */
  static void freeing(SipServletRequest request, Runnable freeSessions) {
    Transaction transaction = request instanceof SipServletRequestImpl implementation
        && !Request.INVITE.equals(request.getMethod()) ? implementation.getTransaction() : null;
    freeSessions.run();
    if (transaction instanceof SIPServerTransaction server) {
      server.setApplicationData(null);
      server.setDialog(null, null);
    }
  }
}
