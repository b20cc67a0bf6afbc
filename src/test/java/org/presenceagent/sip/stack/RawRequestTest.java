package org.presenceagent.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RawRequestTest {

  static final String SUBSCRIBE = "SUBSCRIBE sip:user7@127.0.0.1:5060 SIP/2.0\r\n"
      + "Via: SIP/2.0/UDP 127.0.0.1:16000;branch=z9hG4bK-4711-1-0\r\n"
      + "From: <sip:watcher7@127.0.0.1>;tag=4711SIPpTag001\r\n"
      + "To: <sip:user7@127.0.0.1>\r\n"
      + "Call-ID: 1-4711@127.0.0.1\r\n"
      + "CSeq: 1 SUBSCRIBE\r\n"
      + "Contact: <sip:watcher7@127.0.0.1:16000>\r\n"
      + "Event: presence\r\n"
      + "Expires: 60\r\n"
      + "Content-Length: 0\r\n\r\n";

  @Test
  void readsWhatARefusalNeedsFromAPlainRequest() {
    RawRequest request = scan(SUBSCRIBE).orElseThrow();

    assertThat(request.method()).isEqualTo("SUBSCRIBE");
    assertThat(request.toTagged()).isFalse();
    assertThat(request.viaLines()).containsExactly("Via: SIP/2.0/UDP 127.0.0.1:16000;branch=z9hG4bK-4711-1-0");
    assertThat(request.topVia()).isEqualTo("SIP/2.0/UDP 127.0.0.1:16000;branch=z9hG4bK-4711-1-0");
    assertThat(request.restOfTopViaLine()).isEmpty();
    assertThat(request.from()).isEqualTo("From: <sip:watcher7@127.0.0.1>;tag=4711SIPpTag001");
    assertThat(request.to()).isEqualTo("To: <sip:user7@127.0.0.1>");
    assertThat(request.callId()).isEqualTo("Call-ID: 1-4711@127.0.0.1");
    assertThat(request.cseq()).isEqualTo("CSeq: 1 SUBSCRIBE");
    assertThat(request.sentByHost()).isEqualTo("127.0.0.1");
    assertThat(request.sentByPort()).isEqualTo(16000);
    assertThat(request.rport()).isFalse();
    assertThat(request.transactionId()).as("JAIN-SIP's key: the branch in lower case").isEqualTo("z9hg4bk-4711-1-0");
  }

  @Test
  void readsCompactHeadersSeveralViasAndRport() {
    RawRequest request = scan("PUBLISH sip:alice@example.com SIP/2.0\r\n"
        + "v: SIP/2.0/UDP phone.example.com;rport;branch=z9hG4bKabc , SIP/2.0/UDP proxy.example.com;branch=z9hG4bKdef\r\n"
        + "Via: SIP/2.0/UDP edge.example.com:5070;branch=z9hG4bKghi\r\n"
        + "f: Alice <sip:alice@example.com>;tag=1\r\n"
        + "t: Alice <sip:alice@example.com>\r\n"
        + "i: abc@phone\r\n"
        + "CSeq: 7 PUBLISH\r\n"
        + "l: 0\r\n\r\n").orElseThrow();

    assertThat(request.viaLines()).hasSize(2);
    assertThat(request.topVia()).isEqualTo("SIP/2.0/UDP phone.example.com;rport;branch=z9hG4bKabc");
    assertThat(request.restOfTopViaLine()).isEqualTo(", SIP/2.0/UDP proxy.example.com;branch=z9hG4bKdef");
    assertThat(request.rport()).isTrue();
    assertThat(request.sentByPort()).as("none named").isEqualTo(-1);
    assertThat(request.callId()).isEqualTo("i: abc@phone");
  }

  @Test
  void aToTagMarksARequestInADialogButATagInsideTheUriDoesNot() {
    assertThat(scan(SUBSCRIBE.replace("To: <sip:user7@127.0.0.1>", "To: <sip:user7@127.0.0.1>;tag=abc")).orElseThrow().toTagged())
        .isTrue();
    assertThat(scan(SUBSCRIBE.replace("To: <sip:user7@127.0.0.1>", "To: sip:user7@127.0.0.1 ; TAG = abc")).orElseThrow().toTagged())
        .isTrue();
    assertThat(scan(SUBSCRIBE.replace("To: <sip:user7@127.0.0.1>", "To: <sip:user7@127.0.0.1;tag=inuri>")).orElseThrow().toTagged())
        .isFalse();
  }

  @Test
  void leavesAnythingUnusualToTheParser() {
    assertThat(scan(SUBSCRIBE.replace("Expires: 60\r\n", "Expires:\r\n 60\r\n"))).as("folded").isEmpty();
    assertThat(scan(SUBSCRIBE.replace("Call-ID: 1-4711@127.0.0.1\r\n", ""))).as("no Call-ID").isEmpty();
    assertThat(scan(SUBSCRIBE.replace("CSeq: 1 SUBSCRIBE\r\n", "CSeq: 1 SUBSCRIBE\r\nCSeq: 2 SUBSCRIBE\r\n"))).as("two CSeq").isEmpty();
    assertThat(scan(SUBSCRIBE.replace("CSeq: 1 SUBSCRIBE", "CSeq: 1 PUBLISH"))).as("CSeq method").isEmpty();
    assertThat(scan(SUBSCRIBE.replace("SIP/2.0/UDP", "SIP/2.0/TCP"))).as("TCP").isEmpty();
    assertThat(scan(SUBSCRIBE.replace("branch=z9hG4bK-4711-1-0", "branch=4711"))).as("RFC 2543 branch").isEmpty();
    assertThat(scan(SUBSCRIBE.replace(";branch=", ";maddr=224.0.0.1;branch="))).as("maddr").isEmpty();
    assertThat(scan(SUBSCRIBE.replace("127.0.0.1:16000", "[::1]:16000"))).as("IPv6").isEmpty();
    assertThat(scan(SUBSCRIBE.replace("To: <sip:user7@127.0.0.1>", "To: \"Bob <x>\" <sip:user7@127.0.0.1>"))).as("quotes").isEmpty();
    assertThat(scan(SUBSCRIBE.replace("\r\n\r\n", "\r\n"))).as("no end of headers").isEmpty();
    assertThat(scan(SUBSCRIBE.replace("Event: presence\r\n", "Event: presence\n"))).as("bare LF").isEmpty();
    assertThat(scan("SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP a;branch=z9hG4bKx\r\n\r\n")).as("a response").isEmpty();
    assertThat(scan("\r\n\r\n")).as("a keep-alive").isEmpty();
  }

  private static Optional<RawRequest> scan(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return RawRequest.scan(bytes, 0, bytes.length);
  }
}
