package org.presenceagent.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sip.SipStack;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The receive queue with a gate on a real stack and real sockets: what the gate refuses never reaches the parser. */
class BeforeParseRefusalsTest {

  private final SipStackImpl stack = TestSipStacks.newStack("before-parse-test");
  private final List<Long> judgedWaits = new ArrayList<>();

  @AfterEach
  void stopStack() {
    stack.stop();
  }

  @Test
  void aRefusedRequestIsAnsweredWith503AndSkippedAndTheNextOneIsTaken() throws Exception {
    RefusingGate gate = new RefusingGate(true);
    stack.sipMessageValves = List.of(gate);
    try (DatagramSocket server = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      TimedReceiveQueue queue = new TimedReceiveQueue();
      queue.refuseBeforeParse(new BeforeParseRefusals(stack, () -> server));
      String subscribe = RawRequestTest.SUBSCRIBE.replace("127.0.0.1:16000", "127.0.0.1:" + client.getLocalPort());
      queue.offer(datagram(subscribe, client.getLocalPort()));
      String refresh = subscribe.replace("To: <sip:user7@127.0.0.1>", "To: <sip:user7@127.0.0.1>;tag=dialog")
          .replace("CSeq: 1 ", "CSeq: 2 ");
      queue.offer(datagram(refresh, client.getLocalPort()));

      DatagramQueuedMessageDispatch taken = queue.poll(1, TimeUnit.SECONDS);

      assertThat(new String(taken.packet.getData(), 0, taken.packet.getLength(), StandardCharsets.UTF_8))
          .as("the request in a dialog is left to the stack").contains("tag=dialog");
      assertThat(queue.requests()).isZero();
      client.setSoTimeout(2000);
      DatagramPacket answer = new DatagramPacket(new byte[4096], 4096);
      client.receive(answer);
      SIPResponse response = (SIPResponse) new StringMsgParser().parseSIPMessage(
          java.util.Arrays.copyOf(answer.getData(), answer.getLength()), true, false, null);
      assertThat(response.getStatusCode()).isEqualTo(Response.SERVICE_UNAVAILABLE);
      assertThat(response.getCallId().getCallId()).isEqualTo("1-4711@127.0.0.1");
      assertThat(response.getHeader("Retry-After")).isNotNull();
      assertThat(gate.read).as("read only once the state said refuse").isEqualTo(2);
    }
  }

  @Test
  void aGateThatAdmitsDoesNotReadTheRequest() throws Exception {
    RefusingGate gate = new RefusingGate(false);
    stack.sipMessageValves = List.of(gate);
    TimedReceiveQueue queue = new TimedReceiveQueue();
    queue.refuseBeforeParse(new BeforeParseRefusals(stack, () -> {
      throw new AssertionError("nothing to send");
    }));
    queue.offer(datagram(RawRequestTest.SUBSCRIBE, 16000));

    assertThat(queue.take()).isNotNull();
    assertThat(gate.read).isZero();
    assertThat(judgedWaits).hasSize(1);
  }

  @Test
  void withoutAGateEveryDatagramGoesToTheStack() throws Exception {
    stack.sipMessageValves = List.of();
    TimedReceiveQueue queue = new TimedReceiveQueue();
    queue.refuseBeforeParse(new BeforeParseRefusals(stack, () -> {
      throw new AssertionError("nothing to send");
    }));
    queue.offer(datagram(RawRequestTest.SUBSCRIBE, 16000));

    assertThat(queue.take()).isNotNull();
  }

  /** A valve that judges the server overloaded (or not) and refuses new requests, as the overload valve would. */
  private final class RefusingGate implements SIPMessageValve, RawRequestGate {
    private final boolean overloaded;
    private int read;

    RefusingGate(boolean overloaded) {
      this.overloaded = overloaded;
    }

    @Override
    public Refusal refuseBeforeParse(long waitedMillis, long queuedBehind, Supplier<Optional<RawRequest>> request) {
      judgedWaits.add(waitedMillis);
      if (!overloaded) {
        return null;
      }
      read++;
      Optional<RawRequest> raw = request.get();
      return raw.isPresent() && !raw.get().toTagged() ? new Refusal(raw.get(), "Service Unavailable (overloaded)", 2) : null;
    }

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
      return true;
    }

    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
      return true;
    }

    @Override
    public void init(SipStack sipStack) {}

    @Override
    public void destroy() {}
  }

  private static DatagramQueuedMessageDispatch datagram(String text, int sourcePort) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new DatagramQueuedMessageDispatch(
        new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), sourcePort), System.nanoTime());
  }


}
