package org.presenceagent.sip.stack;

import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;
import java.net.DatagramPacket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The queue between the UDP receiver and the stack's workers, telling each worker how long the
 * datagram it takes waited and how many requests wait behind it ({@link QueueDelay}). Datagrams are
 * queued with the {@link System#nanoTime()} of their reception as their time.
 *
 * <p>Only requests count as the backlog behind a datagram: they are the new work that overload
 * control can refuse. Responses are the answers to our own NOTIFYs, at most one per dialog in flight
 * (a dialog's next NOTIFY waits for the answer to the last one), so they cannot pile up beyond the
 * NOTIFYs we chose to send; counting them made the thousand answers to one change's NOTIFYs look
 * like a backlog of clients, and a PUBLISH arriving behind them was refused although the
 * server was not short of anything it could have saved by refusing it.
 */
final class TimedReceiveQueue extends LinkedBlockingQueue<DatagramQueuedMessageDispatch> {

  private static final long serialVersionUID = 1L;
  private static final byte[] RESPONSE_START = "SIP/".getBytes(StandardCharsets.US_ASCII);

  /** Requests among the queued datagrams. */
  private final AtomicInteger requests = new AtomicInteger();
  /** Set once the receiver runs; null in tests of the queue alone. */
  private transient volatile BeforeParseRefusals refusals;

  @Override
  public boolean offer(DatagramQueuedMessageDispatch dispatch) {
    boolean request = isRequest(dispatch);
    if (request) {
      requests.incrementAndGet(); // before it can be taken, so the count never goes below zero
    }
    boolean added = super.offer(dispatch);
    if (request && !added) {
      requests.decrementAndGet();
    }
    return added;
  }

  @Override
  public void put(DatagramQueuedMessageDispatch dispatch) {
    if (!offer(dispatch)) {
      throw new IllegalStateException("the receive queue is unbounded: it cannot be full");
    }
  }

  /** From now on requests refused before their parse ({@link BeforeParseRefusals}) are answered and skipped. */
  void refuseBeforeParse(BeforeParseRefusals refusals) {
    this.refusals = refusals;
  }

  @Override
  public DatagramQueuedMessageDispatch take() throws InterruptedException {
    DatagramQueuedMessageDispatch dispatch;
    do {
      dispatch = super.take();
    } while (refusedBeforeParse(dispatch));
    return dispatch;
  }

  @Override
  public DatagramQueuedMessageDispatch poll(long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    DatagramQueuedMessageDispatch dispatch;
    do {
      dispatch = super.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } while (dispatch != null && refusedBeforeParse(dispatch));
    return dispatch;
  }

  /** Requests queued now. */
  int requests() {
    return requests.get();
  }

  /**
   * Records the datagram's wait for the worker that took it ({@link QueueDelay}) and, for a request
   * that the gate refuses before its parse, answers it.
   *
   * @return whether it was refused (the worker takes the next one)
   */
  private boolean refusedBeforeParse(DatagramQueuedMessageDispatch dispatch) {
    boolean request = isRequest(dispatch);
    if (request) {
      requests.decrementAndGet();
    }
    long waitedNanos = System.nanoTime() - dispatch.getReceptionTime();
    int behind = requests.get();
    QueueDelay.taken(waitedNanos, behind);
    BeforeParseRefusals gate = refusals;
    return request && gate != null && gate.refused(dispatch.packet, waitedNanos / 1_000_000, behind);
  }

  /**
   * Whether the datagram is a request: a response starts with its SIP-Version (RFC 3261 section
   * 7.2), a request with its method; keep-alive blank lines (RFC 5626 section 4.4.1) are neither.
   */
  static boolean isRequest(DatagramQueuedMessageDispatch dispatch) {
    DatagramPacket packet = dispatch.packet;
    byte[] data = packet.getData();
    int start = packet.getOffset();
    int length = packet.getLength();
    if (length < RESPONSE_START.length || !Character.isLetter(data[start])) {
      return false;
    }
    for (int i = 0; i < RESPONSE_START.length; i++) {
      if (data[start + i] != RESPONSE_START[i]) {
        return true;
      }
    }
    return false;
  }
}
