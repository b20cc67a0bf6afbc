package org.presenceagent.sip.stack;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.UDPMessageChannel;
import gov.nist.javax.sip.stack.UDPMessageProcessor;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.LinkedList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAIN-SIP's UDP message processor with a receive loop that reuses one buffer: the stock loop
 * allocates a new buffer of the largest datagram size (64 KB) for every datagram received, which
 * was half of all the allocation of the server under load (docs/performance.md). Here each
 * datagram is copied out at its own length, and queued with the time it arrived
 * ({@link TimedReceiveQueue}), so that overload control knows how far behind the workers are, and
 * a worker answers a request that overload control refuses before the stack parses it
 * ({@link BeforeParseRefusals}).
 * Everything else (the worker threads taking datagrams from the queue, parsing, the transaction
 * layer) is the stock stack's.
 */
final class ReceiverUdpMessageProcessor extends UDPMessageProcessor {

  private static final Logger LOG = LoggerFactory.getLogger(ReceiverUdpMessageProcessor.class);
  private static final int LARGEST_DATAGRAM = 65_535;

  private final int workers;
  private final int bufferSize;

  ReceiverUdpMessageProcessor(InetAddress address, SIPTransactionStack stack, int port, int workers) throws IOException {
    super(address, stack, port);
    this.workers = workers;
    this.bufferSize = stack.getMaxMessageSize() > 0 ? Math.min(stack.getMaxMessageSize(), LARGEST_DATAGRAM) : LARGEST_DATAGRAM;
    TimedReceiveQueue queue = new TimedReceiveQueue();
    queue.refuseBeforeParse(new BeforeParseRefusals(stack, () -> sock));
    this.messageQueue = queue;
  }

  @Override
  public void run() {
    this.messageChannels = new LinkedList<>();
    for (int i = 0; i < workers; i++) {
      messageChannels.add(newWorker(((SipStackImpl) sipStack).getStackName() + "-UDPMessageChannelThread-" + i));
    }
    byte[] buffer = new byte[bufferSize];
    DatagramPacket received = new DatagramPacket(buffer, buffer.length);
    while (isRunning) {
      try {
        received.setData(buffer, 0, buffer.length);
        sock.receive(received);
        DatagramPacket copy = new DatagramPacket(Arrays.copyOf(buffer, received.getLength()), received.getLength(),
            received.getAddress(), received.getPort());
        messageQueue.offer(new DatagramQueuedMessageDispatch(copy, System.nanoTime()));
      } catch (SocketException e) {
        if (!isRunning) {
          return;
        }
        LOG.warn("UDP receive on port {} failed: {}", getPort(), e.getMessage());
      } catch (IOException | RuntimeException e) {
        LOG.warn("UDP receive on port {} failed: {}", getPort(), e.toString());
      }
    }
  }

  /** A stock worker: its constructor starts a thread that takes datagrams from {@link #messageQueue}. */
  private UDPMessageChannel newWorker(String name) {
    try {
      Constructor<UDPMessageChannel> constructor = UDPMessageChannel.class.getDeclaredConstructor(
          SIPTransactionStack.class, UDPMessageProcessor.class, String.class);
      constructor.setAccessible(true);
      return constructor.newInstance(sipStack, this, name);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("this JAIN-SIP version has no UDPMessageChannel(stack, processor, name)", e);
    }
  }

  /** Datagrams received and not yet taken by a worker. */
  int queued() {
    return messageQueue.size();
  }
}
