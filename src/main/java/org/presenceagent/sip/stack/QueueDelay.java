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

  /** [0]: the wait in milliseconds; [1]: how many requests were still queued behind it. */
  private static final ThreadLocal<long[]> CURRENT = ThreadLocal.withInitial(() -> new long[] {UNKNOWN, 0});

  private QueueDelay() {}

  /** The wait of the message this thread handles now, in milliseconds, or {@link #UNKNOWN}. */
  public static long ofCurrentMessage() {
    return CURRENT.get()[0];
  }

  /**
   * How many requests were still waiting when this thread took its message (0 without a queue);
   * responses do not count (see {@link TimedReceiveQueue}).
   */
  public static long queuedBehindCurrentMessage() {
    return CURRENT.get()[1];
  }

  static void taken(long waitedNanos, int queuedBehind) {
    long[] current = CURRENT.get();
    current[0] = waitedNanos / 1_000_000;
    current[1] = queuedBehind;
  }
}
