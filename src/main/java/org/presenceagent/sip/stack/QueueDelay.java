package org.presenceagent.sip.stack;

/**
 * How long the message a stack worker thread is handling waited in the receive queue before that
 * worker took it. JAIN-SIP hands a message from the queue to the parser and then to the valves on
 * the same thread, without a way to pass anything along, so the wait travels in a thread-local,
 * as the logging context does; {@link #UNKNOWN} for messages that came without a queue (TCP).
 */
public final class QueueDelay {

  /** No queue was involved (TCP reads and handles on the connection's thread). */
  public static final long UNKNOWN = -1;

  private static final ThreadLocal<long[]> CURRENT = ThreadLocal.withInitial(() -> new long[] {UNKNOWN});

  private QueueDelay() {}

  /** The wait of the message this thread handles now, in milliseconds, or {@link #UNKNOWN}. */
  public static long ofCurrentMessage() {
    return CURRENT.get()[0];
  }

  static void taken(long waitedNanos) {
    CURRENT.get()[0] = waitedNanos / 1_000_000;
  }
}
