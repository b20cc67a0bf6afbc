package org.presenceagent.sip.stack;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.MessageProcessorFactory;
import gov.nist.javax.sip.stack.OIOMessageProcessorFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import javax.sip.ListeningPoint;

/**
 * The stack's message processor factory ({@code gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY}):
 * UDP gets {@link ReceiverUdpMessageProcessor}, the other transports the stock processors.
 */
public final class PresenceMessageProcessorFactory implements MessageProcessorFactory {

  private static final String THREAD_POOL_SIZE = "gov.nist.javax.sip.THREAD_POOL_SIZE";

  private final MessageProcessorFactory stock = new OIOMessageProcessorFactory();

  @Override
  public MessageProcessor createMessageProcessor(
      SIPTransactionStack stack, InetAddress address, int port, String transport) throws IOException {
    if (ListeningPoint.UDP.equalsIgnoreCase(transport)) {
      ReceiverUdpMessageProcessor processor = new ReceiverUdpMessageProcessor(address, stack, port, workers(stack));
      sendFromListeningSockets(stack);
      return processor;
    }
    return stock.createMessageProcessor(stack, address, port, transport);
  }

  /**
   * What the stock factory does for UDP: the stack's package-private {@code udpFlag} makes responses
   * and requests leave from the listening socket (the port the peer sent to); without it each one
   * would open a socket of its own.
   */
  private static void sendFromListeningSockets(SIPTransactionStack stack) {
    try {
      Field flag = SIPTransactionStack.class.getDeclaredField("udpFlag");
      flag.setAccessible(true);
      flag.setBoolean(stack, true);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("this JAIN-SIP version has no SIPTransactionStack.udpFlag", e);
    }
  }

  private static int workers(SIPTransactionStack stack) {
    String configured = ((SipStackImpl) stack).getConfigurationProperties().getProperty(THREAD_POOL_SIZE);
    int size = configured == null ? 1 : Integer.parseInt(configured.trim());
    if (size < 1) {
      throw new IllegalArgumentException(THREAD_POOL_SIZE + " must be at least 1 with " + PresenceMessageProcessorFactory.class.getName());
    }
    return size;
  }
}
