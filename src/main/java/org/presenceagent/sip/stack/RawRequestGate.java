package org.presenceagent.sip.stack;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A stack valve that may refuse a request from its raw lines, before the stack parses it: the UDP
 * receiver ({@link ReceiverUdpMessageProcessor}) asks the first valve of the stack that is one.
 * Whatever it lets through is parsed and goes through the valves as usual, so a gate only ever
 * saves work; it refuses only what the valve would have refused after the parse.
 */
public interface RawRequestGate {

  /**
   * A refused request (as read, for the response to copy from), why it is refused, and when its
   * client may try again (RFC 3261 section 21.5.4).
   */
  record Refusal(RawRequest request, String reasonPhrase, int retryAfterSeconds) {}

  /**
   * Judges a request before it is parsed. The server's state is judged first; the request is read
   * ({@code request}) only when that alone would refuse a new one, so that a server that is not
   * behind pays nothing for the gate.
   *
   * @param waitedMillis how long the request waited for a worker
   * @param queuedBehind how many requests were still queued behind it
   * @param request reads the request's raw lines; empty when it is not plain enough to be read
   * @return the refusal, or null to let the request be parsed (and judged again after the parse)
   */
  Refusal refuseBeforeParse(long waitedMillis, long queuedBehind, Supplier<Optional<RawRequest>> request);
}
