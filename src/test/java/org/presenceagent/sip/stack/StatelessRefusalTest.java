package org.presenceagent.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import javax.sip.header.RetryAfterHeader;
import org.junit.jupiter.api.Test;

class StatelessRefusalTest {

  @Test
  void aRefusalIsAValid503ThatCopiesTheRequestsLinesAndTagsTheTo() throws Exception {
    RawRequest request = scan(RawRequestTest.SUBSCRIBE);

    SIPResponse response = parse(StatelessRefusal.encode(request, InetAddress.getByName("127.0.0.1"), 16000,
        "Service Unavailable (overloaded)", 3, "t4g"));

    assertThat(response.getStatusCode()).isEqualTo(503);
    assertThat(response.getReasonPhrase()).isEqualTo("Service Unavailable (overloaded)");
    assertThat(response.getTopmostVia().getBranch()).isEqualTo("z9hG4bK-4711-1-0");
    assertThat(response.getTopmostVia().getReceived()).as("sent-by is the source").isNull();
    assertThat(response.getFrom().getTag()).isEqualTo("4711SIPpTag001");
    assertThat(response.getTo().getTag()).as("RFC 3261 section 8.2.6.2").isEqualTo("t4g");
    assertThat(response.getCallId().getCallId()).isEqualTo("1-4711@127.0.0.1");
    assertThat(response.getCSeq().getSeqNumber()).isEqualTo(1L);
    assertThat(response.getCSeq().getMethod()).isEqualTo("SUBSCRIBE");
    assertThat(((RetryAfterHeader) response.getHeader("Retry-After")).getRetryAfter()).isEqualTo(3);
    assertThat(response.getContentLength().getContentLength()).isZero();
    assertThat(StatelessRefusal.destinationPort(request, 40000)).as("the sent-by port").isEqualTo(16000);
  }

  @Test
  void receivedAndRportAreFilledInAndEveryViaKept() throws Exception {
    RawRequest request = scan("PUBLISH sip:alice@example.com SIP/2.0\r\n"
        + "v: SIP/2.0/UDP phone.example.com;rport;branch=z9hG4bKabc, SIP/2.0/UDP proxy.example.com;branch=z9hG4bKdef\r\n"
        + "Via: SIP/2.0/UDP edge.example.com:5070;branch=z9hG4bKghi\r\n"
        + "f: <sip:alice@example.com>;tag=1\r\n"
        + "t: <sip:alice@example.com>;tag=already\r\n"
        + "i: abc@phone\r\n"
        + "CSeq: 7 PUBLISH\r\n\r\n");

    SIPResponse response = parse(StatelessRefusal.encode(request, InetAddress.getByName("192.0.2.7"), 40001,
        "Service Unavailable (stopping)", 2, "unused"));

    Via top = response.getTopmostVia();
    assertThat(top.getReceived()).isEqualTo("192.0.2.7");
    assertThat(top.getRPort()).isEqualTo(40001);
    assertThat(response.getViaHeaders()).hasSize(3);
    assertThat(response.getTo().getTag()).as("a tag present stays").isEqualTo("already");
    assertThat(StatelessRefusal.destinationPort(request, 40001)).as("RFC 3581: the source port").isEqualTo(40001);
  }

  @Test
  void withoutAPortTheResponseGoesTo5060() {
    RawRequest request = scan(RawRequestTest.SUBSCRIBE.replace("127.0.0.1:16000;", "phone.example.com;"));

    assertThat(StatelessRefusal.destinationPort(request, 40000)).isEqualTo(5060);
  }

  private static RawRequest scan(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return RawRequest.scan(bytes, 0, bytes.length).orElseThrow();
  }

  private static SIPResponse parse(byte[] bytes) throws Exception {
    return (SIPResponse) new StringMsgParser().parseSIPMessage(bytes, true, false, null);
  }
}
