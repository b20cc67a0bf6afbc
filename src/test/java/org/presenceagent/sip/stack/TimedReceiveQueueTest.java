package org.presenceagent.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;
import java.net.DatagramPacket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TimedReceiveQueueTest {

  private final TimedReceiveQueue queue = new TimedReceiveQueue();

  @Test
  void onlyRequestsCountAsTheBacklogBehindADatagram() throws Exception {
    queue.offer(datagram("PUBLISH sip:alice@example.com SIP/2.0\r\n"));
    for (int i = 0; i < 40; i++) {
      queue.offer(datagram("SIP/2.0 200 OK\r\n")); // answers to our NOTIFYs
    }
    queue.offer(datagram("SUBSCRIBE sip:bob@example.com SIP/2.0\r\n"));
    queue.offer(datagram("\r\n\r\n")); // a keep-alive

    queue.take();

    assertThat(QueueDelay.queuedBehindCurrentMessage()).as("the SUBSCRIBE only").isEqualTo(1);
    assertThat(queue.requests()).isEqualTo(1);
    while (queue.size() > 1) {
      queue.take();
    }
    assertThat(queue.requests()).as("only the keep-alive is left").isZero();
    assertThat(QueueDelay.ofCurrentMessage()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void tellsRequestsFromResponses() {
    assertThat(TimedReceiveQueue.isRequest(datagram("NOTIFY sip:a@b SIP/2.0\r\n"))).isTrue();
    assertThat(TimedReceiveQueue.isRequest(datagram("SIP/2.0 503 Service Unavailable\r\n"))).isFalse();
    assertThat(TimedReceiveQueue.isRequest(datagram("\r\n"))).isFalse();
    assertThat(TimedReceiveQueue.isRequest(datagram(""))).isFalse();
  }

  private static DatagramQueuedMessageDispatch datagram(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    return new DatagramQueuedMessageDispatch(new DatagramPacket(bytes, bytes.length), System.nanoTime());
  }
}
