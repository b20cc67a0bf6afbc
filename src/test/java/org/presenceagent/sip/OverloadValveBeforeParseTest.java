package org.presenceagent.sip;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.SipStackImpl;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.presenceagent.application.overload.AdmissionControl;
import org.presenceagent.application.overload.AdmissionControl.Verdict;
import org.presenceagent.sip.stack.RawRequest;
import org.presenceagent.sip.stack.TestSipStacks;
import org.presenceagent.sip.stack.RawRequestGate.Refusal;

/** The overload valve's judgement of a request before its parse: the same as after it, and counted once. */
class OverloadValveBeforeParseTest {

  private static final String SUBSCRIBE = "SUBSCRIBE sip:bob@127.0.0.1 SIP/2.0\r\n"
      + "Via: SIP/2.0/UDP 127.0.0.1:16000;branch=z9hG4bK-1\r\n"
      + "From: <sip:alice@127.0.0.1>;tag=a\r\n"
      + "To: <sip:bob@127.0.0.1>\r\n"
      + "Call-ID: c1\r\n"
      + "CSeq: 1 SUBSCRIBE\r\n\r\n";

  private final SipStackImpl stack = TestSipStacks.newStack("overload-valve-test");
  private final AdmissionControl admission = new AdmissionControl(200, 2000, 3);
  private final OverloadValve valve = new OverloadValve();
  private int reads;

  @AfterEach
  void stopStack() {
    stack.stop();
  }

  @Test
  void aServerThatIsNotBehindDoesNotEvenReadTheRequest() {
    valve.connect(stack, admission);

    assertThat(valve.refuseBeforeParse(5, 0, read(SUBSCRIBE))).isNull();
    assertThat(reads).isZero();
  }

  @Test
  void aNewRequestIsRefusedAsAfterItsParseAndCountedOnce() {
    valve.connect(stack, admission);

    Refusal refusal = valve.refuseBeforeParse(250, AdmissionControl.BACKLOG, read(SUBSCRIBE));

    assertThat(refusal.reasonPhrase()).isEqualTo("Service Unavailable (overloaded)");
    assertThat(refusal.retryAfterSeconds()).as("3 s plus up to as much again").isBetween(3, 6);
    assertThat(admission.refused(Verdict.QUEUE_DELAY)).isEqualTo(1);
    assertThat(admission.refusedBeforeParse()).isEqualTo(1);
  }

  @Test
  void requestsInADialogPassWhileTheServerIsBehindAndAreRefusedOnlyWhileItStops() {
    valve.connect(stack, admission);
    String inDialog = SUBSCRIBE.replace("To: <sip:bob@127.0.0.1>", "To: <sip:bob@127.0.0.1>;tag=b");

    assertThat(valve.refuseBeforeParse(250, AdmissionControl.BACKLOG, read(inDialog)))
        .as("a refresh or un-subscribe finishes work already started").isNull();
    assertThat(admission.refused(Verdict.QUEUE_DELAY)).as("nothing counted").isZero();
    admission.stop();
    Refusal refusal = valve.refuseBeforeParse(0, 0, read(inDialog));
    assertThat(refusal.reasonPhrase()).as("as the valve refuses it after the parse").isEqualTo("Service Unavailable (stopping)");
    assertThat(refusal.request().toTagged()).isTrue();
  }

  @Test
  void ackCancelAndUnreadableOnesAreLeftToTheParse() {
    valve.connect(stack, admission);
    admission.stop();

    assertThat(valve.refuseBeforeParse(0, 0, read(SUBSCRIBE.replace("SUBSCRIBE", "ACK")))).isNull();
    assertThat(valve.refuseBeforeParse(0, 0, read(SUBSCRIBE.replace("SUBSCRIBE", "CANCEL")))).isNull();
    assertThat(valve.refuseBeforeParse(0, 0, () -> Optional.empty())).isNull();
    assertThat(admission.refused(Verdict.STOPPING)).as("nothing counted").isZero();
    assertThat(valve.refuseBeforeParse(0, 0, read(SUBSCRIBE)).reasonPhrase()).isEqualTo("Service Unavailable (stopping)");
    assertThat(admission.refused(Verdict.STOPPING)).isEqualTo(1);
  }

  @Test
  void aProbeIsLeftToBeAnsweredWhileTheServerIsBehindButRefusedWhileItStops() {
    valve.connect(stack, admission);
    String options = SUBSCRIBE.replace("SUBSCRIBE", "OPTIONS");

    assertThat(valve.refuseBeforeParse(250, AdmissionControl.BACKLOG, read(options))).isNull();
    admission.stop();
    assertThat(valve.refuseBeforeParse(0, 0, read(options)).reasonPhrase()).isEqualTo("Service Unavailable (stopping)");
  }

  @Test
  void withoutAdmissionControlNothingIsRefused() {
    assertThat(valve.refuseBeforeParse(10_000, 10_000, read(SUBSCRIBE))).isNull();
  }

  private Supplier<Optional<RawRequest>> read(String text) {
    return () -> {
      reads++;
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      return RawRequest.scan(bytes, 0, bytes.length);
    };
  }

}
