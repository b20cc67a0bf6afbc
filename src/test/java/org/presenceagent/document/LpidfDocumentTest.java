package org.presenceagent.document;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.presenceagent.document.lpidf.LpidfDocument;
import org.presenceagent.document.pidf.Presence;
import org.presenceagent.document.pidf.Tuple;
import org.presenceagent.domain.shared.Aor;

/** LPIDF is text: nothing published may add or break a line. */
class LpidfDocumentTest {

  @Test
  void writesOneLinePerContact() {
    LpidfDocument document = new LpidfDocument("sip:alice@example.com", List.of(
        new LpidfDocument.Contact("sip:alice@phone.example.com", true),
        new LpidfDocument.Contact("sip:alice@pc.example.com", false)));

    assertThat(new String(document.encode(), UTF_8)).isEqualTo(
        "To: <sip:alice@example.com>\r\nContact: <sip:alice@phone.example.com>;q=1\r\n"
            + "Contact: <sip:alice@pc.example.com>;q=0\r\n");
  }

  @Test
  void refusesUrisThatWouldForgeLines() {
    assertThatIllegalArgumentException().isThrownBy(() -> new LpidfDocument.Contact("sip:a@b\r\nTo: <sip:x@y>", true));
    assertThatIllegalArgumentException().isThrownBy(() -> new LpidfDocument.Contact("sip:a@b>;q=1", true));
    assertThatIllegalArgumentException().isThrownBy(() -> new LpidfDocument("", List.of()));
  }

  @Test
  void aPublishedContactLpidfCannotCarryBecomesThePresentity() {
    Presence presence = PidfModel.presence("sip:alice@example.com");
    Tuple tuple = PidfModel.tuple("t1", "open");
    tuple.setContact(PidfModel.contact("sip:evil@example.com>\r\nContact: <sip:forged@example.com", null));
    presence.getTuples().add(tuple);

    LpidfDocument document = LpidfMapper.toLpidf(Aor.parse("sip:alice@example.com"), presence);

    assertThat(document.contacts()).containsExactly(new LpidfDocument.Contact("sip:alice@example.com", true));
  }
}
