package org.presenceagent.document;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.presenceagent.application.port.InvalidDocumentException;
import org.presenceagent.application.port.UnsupportedContentTypeException;
import org.presenceagent.document.pidf.Presence;
import org.presenceagent.document.pidf.Tuple;
import org.w3c.dom.Element;

class PidfCodecParseTest {

  private static final String PIDF = "application/pidf+xml";

  private final PidfCodec codec = new PidfCodec(new SecureXml());

  @Test
  void publishesPidfAndCpimPidf() {
    assertThat(codec.publishableContentTypes()).containsExactly(PIDF, "application/cpim-pidf+xml");
  }

  @Test
  void parsesTheRfc3863Example() {
    byte[] body = TestDocuments.pidf("valid/rfc3863-example.xml");

    ParsedPidf parsed = codec.parse(PIDF, body);

    assertThat(parsed.bytes()).isEqualTo(body);
    assertThat(parsed.contentType()).isEqualTo(PIDF);
    Presence presence = parsed.model();
    assertThat(presence.getEntity()).isEqualTo("pres:someone@example.com");
    assertThat(presence.getTuples()).extracting(Tuple::getId).containsExactly("bs35r9", "eg92n8");
    Tuple first = presence.getTuples().get(0);
    assertThat(first.getStatus().getBasic()).isEqualTo("open");
    assertThat(first.getStatus().getExtensions())
        .extracting(Element::getLocalName, Element::getTextContent)
        .containsExactly(
            tuple("im", "busy"),
            tuple("location", "home"));
    assertThat(first.getContact().getValue()).isEqualTo("im:someone@mobilecarrier.net");
    assertThat(first.getContact().getPriority()).isEqualTo("0.8");
    assertThat(first.getNotes())
        .extracting(n -> n.getLang() + ":" + n.getValue())
        .containsExactly("en:Don't Disturb Please!", "fr:Ne derangez pas, s'il vous plait");
    assertThat(first.getTimestamp()).isEqualTo("2001-10-27T16:49:29Z");
    assertThat(presence.getNotes()).extracting(n -> n.getValue()).containsExactly("I'll be in Tokyo next week");
    assertThat(presence.getNotes().get(0).getLang()).isNull();
  }

  @Test
  void keepsRpidExtensionsAsDom() {
    Presence presence = codec.parse(PIDF, TestDocuments.pidf("valid/rpid-person.xml")).model();

    assertThat(presence.getExtensions()).hasSize(1);
    Element person = presence.getExtensions().get(0);
    assertThat(person.getNamespaceURI()).isEqualTo("urn:ietf:params:xml:ns:pidf:data-model");
    assertThat(person.getLocalName()).isEqualTo("person");
    assertThat(person.getElementsByTagNameNS("urn:ietf:params:xml:ns:pidf:rpid", "away").getLength()).isEqualTo(1);
    assertThat(presence.getTuples().get(0).getExtensions())
        .extracting(Element::getLocalName)
        .containsExactly("deviceID");
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/pidf+xml", "Application/PIDF+XML", "application/pidf+xml; charset=UTF-8", " application/pidf+xml ;charset=\"utf-8\""})
  void acceptsTheContentTypeInAnyCaseAndWithParameters(String contentType) {
    ParsedPidf parsed = codec.parse(contentType, TestDocuments.pidf("valid/single-tuple.xml"));

    assertThat(parsed.contentType()).isEqualTo(contentType);
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/xpidf+xml", "text/plain", "application/pidf", ""})
  void rejectsOtherContentTypes(String contentType) {
    assertThatThrownBy(() -> codec.parse(contentType, TestDocuments.pidf("valid/single-tuple.xml")))
        .isInstanceOf(UnsupportedContentTypeException.class)
        .hasMessage("Unsupported Media Type: " + contentType);
  }

  @Test
  void rejectsAMissingContentType() {
    assertThatThrownBy(() -> codec.parse(null, TestDocuments.pidf("valid/single-tuple.xml")))
        .isInstanceOf(UnsupportedContentTypeException.class);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "invalid/duplicate-tuple-ids.xml | Invalid PIDF: duplicate tuple id t1",
        "invalid/missing-entity.xml | Invalid PIDF: presence without entity",
        "invalid/entity-not-a-uri.xml | Invalid PIDF: entity is not a URI",
        "invalid/tuple-without-id.xml | Invalid PIDF: tuple without id",
        "invalid/tuple-without-status.xml | Invalid PIDF: tuple t1 without status",
        "invalid/must-understand.xml | Invalid PIDF: mustUnderstand extension {urn:example:presence-extension}mood not supported",
        "invalid/must-understand-in-status.xml | Invalid PIDF: mustUnderstand extension {urn:example:presence-extension}geo not supported",
        "invalid/wrong-namespace.xml | Invalid PIDF: root element {urn:example:not-pidf}presence is not {urn:ietf:params:xml:ns:pidf}presence",
        "invalid/wrong-root.xml | Invalid PIDF: root element {urn:ietf:params:xml:ns:watcherinfo}watcherinfo is not {urn:ietf:params:xml:ns:pidf}presence",
        "attack/billion-laughs.xml | Invalid XML: DOCTYPE is not allowed",
        "attack/xxe-file.xml | Invalid XML: DOCTYPE is not allowed",
        "attack/doctype-only.xml | Invalid XML: DOCTYPE is not allowed",
      })
  void rejectsInvalidDocumentsWithAReasonPhrase(String document, String message) {
    assertThatThrownBy(() -> codec.parse(PIDF, TestDocuments.pidf(document)))
        .isInstanceOf(InvalidDocumentException.class)
        .hasMessage(message);
  }

  @Test
  void dropsAPriorityThatIsNotANumberAndRefusesItWhenReadingStrictly() {
    byte[] body =
        ("<presence xmlns='urn:ietf:params:xml:ns:pidf' entity='sip:a@example.com'>"
                + "<tuple id='t'><status><basic>open</basic></status>"
                + "<contact priority='high'>sip:a@pc.example.com</contact></tuple></presence>")
            .getBytes(UTF_8);

    Tuple tuple = codec.parse(PIDF, body).model().getTuples().get(0);

    assertThat(tuple.getContact().getPriority()).isNull();
    assertThat(tuple.getContact().getValue()).isEqualTo("sip:a@pc.example.com");
    assertThatThrownBy(() -> codec.parseStrictly(PIDF, body))
        .isInstanceOf(InvalidDocumentException.class)
        .hasMessage("Invalid PIDF: contact priority must be a number between 0 and 1");
  }

  @Test
  void countsEachKindOfDeviationOncePerDocument() {
    List<Deviation> counted = new ArrayList<>();
    PidfCodec countingCodec = new PidfCodec(new SecureXml(), counted::add);
    byte[] body =
        ("<presence xmlns='urn:ietf:params:xml:ns:pidf' entity='sip:a@example.com'>"
                + "<tuple id='a'><status><basic>unknown</basic></status></tuple>"
                + "<tuple id='b'><status><basic>maybe</basic></status><timestamp>now</timestamp></tuple>"
                + "<tuple id='c'><status><basic>open</basic></status></tuple></presence>")
            .getBytes(UTF_8);

    Presence presence = countingCodec.parse(PIDF, body).model();

    assertThat(counted).containsExactly(Deviation.BASIC_UNKNOWN, Deviation.TIMESTAMP_INVALID);
    assertThat(presence.getTuples()).extracting(t -> t.getStatus().getBasic()).containsExactly(null, null, "open");
  }

  @Test
  void aValidDocumentIsKeptByteForByteAndCountsNothing() {
    List<Deviation> counted = new ArrayList<>();
    byte[] body = TestDocuments.pidf("valid/rfc3863-example.xml");

    ParsedPidf parsed = new PidfCodec(new SecureXml(), counted::add).parse(PIDF, body);

    assertThat(parsed.bytes()).isEqualTo(body);
    assertThat(counted).isEmpty();
  }

  @Test
  void rejectsNonXml() {
    assertThatThrownBy(() -> codec.parse(PIDF, "{\"presence\": \"open\"}".getBytes(UTF_8)))
        .isInstanceOf(InvalidDocumentException.class)
        .hasMessageStartingWith("Invalid XML: not well-formed");
  }

  @Test
  void acceptsAnExtensionThatNeedNotBeUnderstood() {
    Presence presence = codec.parse(PIDF, TestDocuments.pidf("valid/must-understand-false.xml")).model();

    assertThat(presence.getExtensions()).extracting(Element::getLocalName).containsExactly("mood");
  }

  // RFC 3863 declares mustUnderstand as a global attribute of the PIDF namespace; an unprefixed
  // attribute of that name belongs to the extension's own vocabulary and obliges us to nothing.
  @Test
  void ignoresAnUnqualifiedMustUnderstandAttribute() {
    Presence presence = codec.parse(PIDF, TestDocuments.pidf("valid/must-understand-unqualified.xml")).model();

    assertThat(presence.getExtensions()).extracting(Element::getLocalName).containsExactly("mood");
  }

  @Test
  void acceptsAMustUnderstandExtensionItWasToldItUnderstands() {
    PidfCodec understandingCodec =
        new PidfCodec(new SecureXml(), Set.of(new QName("urn:example:presence-extension", "mood")));

    Presence presence = understandingCodec.parse(PIDF, TestDocuments.pidf("invalid/must-understand.xml")).model();

    assertThat(presence.getExtensions()).extracting(Element::getLocalName).containsExactly("mood");
  }

  @Test
  void doesNotLetCallersChangeTheOriginalBytes() {
    byte[] body = TestDocuments.pidf("valid/single-tuple.xml");
    ParsedPidf parsed = codec.parse(PIDF, body);

    body[0] = 'X';
    parsed.bytes()[1] = 'Y';

    assertThat(parsed.bytes()).isEqualTo(TestDocuments.pidf("valid/single-tuple.xml"));
  }
}
