package org.presenceagent.sip;

import gov.nist.javax.sip.stack.SIPMessageValve;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.servlet.sip.SipFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message valves of the SIP stack the application runs on. The standalone server configures
 * its valves with the stack ({@code gov.nist.javax.sip.SIP_MESSAGE_VALVE}); a container installed
 * by an operator may not have them, so the application adds them when it is deployed and removes
 * them when it is undeployed.
 *
 * <p>The stack's list is replaced, never changed in place: its workers iterate the list they read.
 */
final class StackValves {

  private static final Logger LOG = LoggerFactory.getLogger(StackValves.class);

  private final SIPTransactionStack stack;

  private StackValves(SIPTransactionStack stack) {
    this.stack = stack;
  }

  /** The valves of the stack under {@code factory}. */
  static StackValves of(SipFactory factory) {
    return new StackValves((SIPTransactionStack) DialogRequests.implementationOf(factory)
        .getSipApplicationDispatcher().getSipStack());
  }

  SIPTransactionStack stack() {
    return stack;
  }

  /**
   * The valve of this type the stack was configured with. Matched by name: a valve configured in
   * the container's class loader is not an instance of the application's class.
   */
  Optional<SIPMessageValve> configured(Class<? extends SIPMessageValve> type) {
    return stack.sipMessageValves.stream().filter(valve -> valve.getClass().getName().equals(type.getName())).findFirst();
  }

  /**
   * Adds a valve, first (before every other) or last.
   *
   * @param what what the valve does, for the log
   * @return removes it again
   */
  Runnable add(SIPMessageValve valve, boolean first, String what) {
    List<SIPMessageValve> valves = new ArrayList<>(stack.sipMessageValves);
    valves.add(first ? 0 : valves.size(), valve);
    stack.sipMessageValves = valves;
    LOG.info("{} added to the container's SIP stack", what);
    return () -> {
      List<SIPMessageValve> without = new ArrayList<>(stack.sipMessageValves);
      without.remove(valve);
      stack.sipMessageValves = without;
    };
  }
}
