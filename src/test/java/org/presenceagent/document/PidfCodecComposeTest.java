package org.presenceagent.document;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.presenceagent.domain.auth.Transformations;
import org.presenceagent.application.port.NotifyBody;
import org.presenceagent.domain.presentity.PresenceDocument;
import org.presenceagent.domain.shared.Aor;
import org.xmlunit.assertj3.XmlAssert;

class PidfCodecComposeTest {

  private static final String PIDF = "application/pidf+xml";
  private static final Map<String, String> NAMESPACES =
      Map.of(
          "p", "urn:ietf:params:xml:ns:pidf",
          "dm", "urn:ietf:params:xml:ns:pidf:data-model",
          "rpid", "urn:ietf:params:xml:ns:pidf:rpid");
  private static final Aor ALICE = Aor.parse("sip:alice@example.com");

  private final PidfCodec codec = new PidfCodec(new SecureXml());

  @Test
  void forwardsALonePublicationByteForByte() {
    byte[] body = TestDocuments.pidf("valid/rfc3863-example.xml");

    NotifyBody notify = codec.compose(ALICE, List.of(codec.parse(PIDF, body)), PIDF, Transformations.ALL);

    assertThat(notify.contentType()).isEqualTo(PIDF);
    assertThat(notify.bytes()).isEqualTo(body);
  }

  @Test
  void describesAPresentityWithoutPublicationsAsClosed() {
    NotifyBody notify = codec.compose(ALICE, List.of(), PIDF, Transformations.ALL);

    assertThat(notify.contentType()).isEqualTo(PIDF);
    String xml = new String(notify.bytes(), UTF_8);
    assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"");
    XmlAssert.assertThat(xml).and(
            "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>"
                + "<presence xmlns='urn:ietf:params:xml:ns:pidf' entity='sip:alice@example.com'>"
                + "<tuple id='offline'><status><basic>closed</basic></status></tuple></presence>")
        .areIdentical();
    assertThat(codec.parse(PIDF, notify.bytes()).model().getTuples()).hasSize(1);
  }

  @Test
  void mergesSeveralPublicationsOrderedByPriority() {
    NotifyBody notify =
        codec.compose(ALICE, List.of(parse("compose/phone.xml"), parse("compose/laptop.xml")), PIDF, Transformations.ALL);

    assertThat(new String(notify.bytes(), UTF_8)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"");
    XmlAssert.assertThat(notify.bytes())
        .and(TestDocuments.pidf("compose/phone-then-laptop.xml"))
        .ignoreWhitespace()
        .ignoreComments()
        .areSimilar();
  }

  @Test
  void composedDocumentIsItselfValidPidf() {
    NotifyBody notify =
        codec.compose(ALICE, List.of(parse("compose/phone.xml"), parse("compose/laptop.xml")), PIDF, Transformations.ALL);

    assertThat(codec.parse(PIDF, notify.bytes()).model().getTuples()).hasSize(3);
  }

  @Test
  void keepsRpidExtensionsThroughComposition() {
    NotifyBody notify =
        codec.compose(ALICE, List.of(parse("valid/rpid-person.xml"), parse("valid/single-tuple.xml")), PIDF, Transformations.ALL);

    XmlAssert.assertThat(notify.bytes())
        .withNamespaceContext(NAMESPACES)
        .hasXPath("/p:presence/dm:person[@id='p1']/rpid:activities/rpid:away");
    XmlAssert.assertThat(notify.bytes())
        .withNamespaceContext(NAMESPACES)
        .valueByXPath("/p:presence/p:tuple[@id='bs35r9']/dm:deviceID")
        .isEqualTo("urn:x-mac:0003ba4811e3");
    XmlAssert.assertThat(notify.bytes())
        .withNamespaceContext(NAMESPACES)
        .valueByXPath("/p:presence/dm:person/dm:note")
        .isEqualTo("Back at five");
  }

  @Test
  void renamesRepeatedTupleIdsDeterministically() {
    PresenceDocument phone = parse("compose/phone.xml");

    NotifyBody notify = codec.compose(ALICE, List.of(phone, phone, phone), PIDF, Transformations.ALL);

    XmlAssert.assertThat(notify.bytes())
        .withNamespaceContext(NAMESPACES)
        .nodesByXPath("/p:presence/p:tuple")
        .extractingAttribute("id")
        .containsExactly("t1", "t1-2", "t1-3");
  }

  @Test
  void dropsRepeatedNotesAndRootExtensions() {
    PresenceDocument phone = parse("compose/phone.xml");

    NotifyBody notify = codec.compose(ALICE, List.of(phone, phone), PIDF, Transformations.ALL);

    XmlAssert.assertThat(notify.bytes()).withNamespaceContext(NAMESPACES).nodesByXPath("/p:presence/p:note").hasSize(1);
    XmlAssert.assertThat(notify.bytes()).withNamespaceContext(NAMESPACES).nodesByXPath("/p:presence/dm:person").hasSize(1);
    XmlAssert.assertThat(notify.bytes()).withNamespaceContext(NAMESPACES).nodesByXPath("/p:presence/p:tuple").hasSize(2);
  }

  @Test
  void keepsDifferentPersonsWithOneIdUnderUniqueIds() {
    ParsedPidf phone = parse("compose/phone.xml");
    ParsedPidf pc = parse("valid/rpid-person.xml"); // another <dm:person id="p1">, with a note

    NotifyBody notify = codec.compose(ALICE, List.of(phone, pc), PIDF, Transformations.ALL);

    XmlAssert.assertThat(notify.bytes())
        .withNamespaceContext(NAMESPACES)
        .nodesByXPath("/p:presence/dm:person")
        .extractingAttribute("id")
        .containsExactly("p1", "p1-2");
    assertThat(pc.model().getExtensions().get(0).getAttribute("id")).isEqualTo("p1");
    assertThat(codec.parse(PIDF, notify.bytes()).model().getExtensions()).hasSize(2);
  }

  @Test
  void doesNotChangeThePublicationsItComposes() {
    ParsedPidf phone = parse("compose/phone.xml");

    codec.compose(ALICE, List.of(phone, phone), PIDF, Transformations.ALL);

    assertThat(phone.model().getTuples()).extracting(t -> t.getId()).containsExactly("t1");
  }

  @Test
  void parsesPublicationsThatComeFromStorage() {
    PresenceDocument stored = new StoredDocument(PIDF, TestDocuments.pidf("compose/laptop.xml"));

    NotifyBody notify = codec.compose(ALICE, List.of(parse("compose/phone.xml"), stored), PIDF, Transformations.ALL);

    XmlAssert.assertThat(notify.bytes())
        .and(TestDocuments.pidf("compose/phone-then-laptop.xml"))
        .ignoreWhitespace()
        .ignoreComments()
        .areSimilar();
  }

  @Test
  void composesOnlyTheFormatsItWrites() {
    assertThatThrownBy(() -> codec.compose(ALICE, List.of(), "text/plain", Transformations.ALL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("text/plain");
  }

  @Test
  void acceptsTheComposeTypeWithParameters() {
    assertThat(codec.compose(ALICE, List.of(), "Application/PIDF+XML;charset=UTF-8", Transformations.ALL).contentType()).isEqualTo(PIDF);
  }

  @Test
  void refusesPublicationsOfAnotherType() {
    PresenceDocument other = new StoredDocument("text/plain", "open".getBytes(UTF_8));

    assertThatThrownBy(() -> codec.compose(ALICE, List.of(other), PIDF, Transformations.ALL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a PIDF publication: text/plain");
  }

  private ParsedPidf parse(String document) {
    return codec.parse(PIDF, TestDocuments.pidf(document));
  }

  /** A publication as the storage adapter gives it back: only type and bytes. */
  private record StoredDocument(String contentType, byte[] bytes) implements PresenceDocument {}
}
