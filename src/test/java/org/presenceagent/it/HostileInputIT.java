package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input gets a clear 4xx and harms nobody: malformed SIP headers, malformed XML, DTDs with
 * entity expansion or external entities, and bodies over the size limit. After each, another
 * user's presence still flows.
 */
class HostileInputIT {

  private static final int BODY_LIMIT = 4096;

  @RegisterExtension
  static final PresenceServerExtension SERVER = new PresenceServerExtension()
      .param("auth", "none")
      .param("max_body_size", Integer.toString(BODY_LIMIT));

  private static final String BILLION_LAUGHS = "<?xml version=\"1.0\"?>\n"
      + "<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
      + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
      + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
      + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
      + "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
      + "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
      + "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">"
      + "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">"
      + "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]>\n"
      + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"sip:mallory@example.com\">"
      + "<tuple id=\"t\"><status><basic>open</basic></status><note>&lol9;</note></tuple></presence>";

  private static final String EXTERNAL_ENTITY = "<?xml version=\"1.0\"?>\n"
      + "<!DOCTYPE presence [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
      + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"sip:mallory@example.com\">"
      + "<tuple id=\"t\"><status><basic>open</basic></status><note>&xxe;</note></tuple></presence>";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "billion laughs|BILLION|application/pidf+xml",
    "external entity|XXE|application/pidf+xml",
    "billion laughs as CPIM-PIDF|BILLION|application/cpim-pidf+xml",
    "external entity as CPIM-PIDF|XXE|application/cpim-pidf+xml",
    "not XML|<presence|application/pidf+xml",
    "wrong root|<foo xmlns=\"urn:x\"/>|application/pidf+xml",
    "tuple without id|<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"sip:m@example.com\"><tuple><status/></tuple></presence>|application/pidf+xml"
  })
  void hostileOrInvalidDocumentsGet400AndOthersKeepBeingServed(String name, String body, String contentType)
      throws Exception {
    String document = switch (body) {
      case "BILLION" -> BILLION_LAUGHS;
      case "XXE" -> EXTERNAL_ENTITY;
      default -> body;
    };
    try (SipTestClient watcher = new SipTestClient("udp", SERVER.sipPort());
        SipTestClient mallory = new SipTestClient("udp", SERVER.sipPort())) {
      String victim = TestAors.unique("victim");
      SubscriptionDialog.subscribe(watcher, TestAors.unique("watcher"), victim, 300);
      Notifies.next(watcher);

      Publisher publisher = new Publisher(mallory);
      Response rejected = mallory.call(publisher.request(TestAors.unique("mallory"), 60, null, contentType,
          document.getBytes(StandardCharsets.UTF_8)));

      assertThat(rejected.getStatusCode()).isEqualTo(400);
      assertThat(rejected.getReasonPhrase()).startsWith("Invalid").doesNotContain("root:");
      // the server is unharmed: another presentity's change still reaches its watcher
      new Publisher(mallory).publish(victim, 60, null, Pidf.open(victim, "t", "still here"));
      assertThat(Notifies.body(Notifies.next(watcher))).contains("still here");
    }
  }

  @Test
  void aBodyOverTheLimitGets413() throws Exception {
    try (SipTestClient phone = new SipTestClient("tcp", SERVER.sipPort())) {
      String big = TestAors.unique("big");
      String padding = "x".repeat(BODY_LIMIT + 1);
      Response response = new Publisher(phone).publish(big, 60, null, Pidf.open(big, "t", padding));
      assertThat(response.getStatusCode()).isEqualTo(413);
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
    "Expires|soon|400",
    "Expires|-5|400",
    "Event|;id=3|400",
    "Contact|<not a uri|400",
  })
  void malformedHeadersGet400(String header, String value, int status) throws Exception {
    String answer = RawSip.exchange(SERVER.sipPort(), RawSip.subscribe(header, value));
    assertThat(answer).isNotNull().startsWith("SIP/2.0 " + status);
    // and the server still answers well-formed requests
    assertThat(RawSip.exchange(SERVER.sipPort(), RawSip.subscribe("Expires", "60"))).startsWith("SIP/2.0 200");
  }
}
