package org.presenceagent.sip.stack;

import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The queue between the UDP receiver and the stack's workers, telling each worker how long the
 * datagram it takes waited ({@link QueueDelay}). Datagrams are queued with the
 * {@link System#nanoTime()} of their reception as their time.
 */
final class TimedReceiveQueue extends LinkedBlockingQueue<DatagramQueuedMessageDispatch> {

  private static final long serialVersionUID = 1L;

  @Override
  public DatagramQueuedMessageDispatch take() throws InterruptedException {
    return timed(super.take());
  }

  @Override
  public DatagramQueuedMessageDispatch poll(long timeout, TimeUnit unit) throws InterruptedException {
    return timed(super.poll(timeout, unit));
  }

  private static DatagramQueuedMessageDispatch timed(DatagramQueuedMessageDispatch dispatch) {
    if (dispatch != null) {
      QueueDelay.taken(System.nanoTime() - dispatch.getReceptionTime());
    }
    return dispatch;
  }
}
