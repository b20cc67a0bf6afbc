package org.presenceagent.sip.stack;

import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.presenceagent.sip.stack.RawRequestGate.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses, on the worker thread that took a datagram and before the stack parses it, the requests
 * the stack's {@link RawRequestGate} turns away, answering each with a {@link StatelessRefusal}
 * from the listening socket. Under overload most datagrams are refused; without this each refusal
 * cost a full parse and the stack's response objects (docs/performance.md, "Overload control").
 */
final class BeforeParseRefusals {

  private static final Logger LOG = LoggerFactory.getLogger(BeforeParseRefusals.class);

  private final SIPTransactionStack stack;
  private final Supplier<DatagramSocket> socket;
  /** The stack's gate, looked up once the stack has its valves (they are made after the processors). */
  private volatile RawRequestGate gate;

  BeforeParseRefusals(SIPTransactionStack stack, Supplier<DatagramSocket> socket) {
    this.stack = stack;
    this.socket = socket;
  }

  /**
   * Answers and drops the datagram if the gate refuses it.
   *
   * @return whether it was refused (the caller must not hand it to the stack)
   */
  boolean refused(DatagramPacket packet, long waitedMillis, long queuedBehind) {
    RawRequestGate current = gate();
    if (current == null) {
      return false;
    }
    Refusal refusal = current.refuseBeforeParse(waitedMillis, queuedBehind,
        () -> RawRequest.scan(packet.getData(), packet.getOffset(), packet.getLength()));
    if (refusal == null) {
      return false;
    }
    RawRequest request = refusal.request();
    byte[] response = StatelessRefusal.encode(request, packet.getAddress(), packet.getPort(), refusal.reasonPhrase(),
        refusal.retryAfterSeconds(), Long.toHexString(ThreadLocalRandom.current().nextLong()));
    try {
      socket.get().send(new DatagramPacket(response, response.length, packet.getAddress(),
          StatelessRefusal.destinationPort(request, packet.getPort())));
    } catch (IOException | RuntimeException e) {
      LOG.debug("could not refuse {} from {}: {}", request.method(), packet.getAddress(), e.toString());
    }
    return true;
  }

  private RawRequestGate gate() {
    RawRequestGate found = gate;
    if (found == null && stack.sipMessageValves != null) {
      for (Object valve : stack.sipMessageValves) {
        if (valve instanceof RawRequestGate first) {
          gate = first;
          return first;
        }
      }
    }
    return found;
  }
}
