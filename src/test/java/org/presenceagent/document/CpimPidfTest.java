package org.presenceagent.document;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.presenceagent.domain.auth.Transformations;
import org.presenceagent.application.port.InvalidDocumentException;
import org.presenceagent.application.port.NotifyBody;
import org.presenceagent.application.port.UnsupportedContentTypeException;
import org.presenceagent.domain.shared.Aor;
import org.xmlunit.assertj3.XmlAssert;

/**
 * CPIM-PIDF in and out, and round trips between the PIDF-family formats: CPIM-PIDF is read with
 * the same hardened parser and validator as PIDF, and unknown extensions survive each way.
 */
class CpimPidfTest {

  private static final String PIDF = "application/pidf+xml";
  private static final String CPIM = "application/cpim-pidf+xml";
  private static final Aor ALICE = Aor.parse("sip:alice@example.com");

  private final PidfCodec codec = new PidfCodec(new SecureXml());

  @Test
  void readsCpimPidfAsPidf() {
    ParsedPidf parsed = codec.parse(CPIM, golden("simple-client-im-away.cpim-pidf.xml"));

    assertThat(parsed.contentType()).isEqualTo(CPIM);
    assertThat(parsed.model().getEntity()).isEqualTo("pres:dave@example.com");
    assertThat(parsed.model().getTuples()).singleElement().satisfies(tuple -> {
      assertThat(tuple.getStatus().getBasic()).isEqualTo("open");
      assertThat(tuple.getContact().getPriority()).isEqualTo("0.9");
      assertThat(tuple.getStatus().getExtensions()).extracting(e -> e.getLocalName()).containsExactly("im");
    });
  }

  // A repaired CPIM-PIDF publication is stored as CPIM-PIDF: its lone forwarding keeps the type.
  @Test
  void aRepairedCpimPidfDocumentIsWrittenBackInItsOwnNamespace() {
    byte[] body = ("<presence xmlns='urn:ietf:params:xml:ns:cpim-pidf' entity='pres:dave@example.com'>"
        + "<tuple id='t1'><status><basic>unknown</basic></status><contact>im:dave@example.com</contact></tuple>"
        + "</presence>").getBytes(UTF_8);

    byte[] stored = codec.parse(CPIM, body).bytes();

    XmlAssert.assertThat(stored).withNamespaceContext(Map.of("c", "urn:ietf:params:xml:ns:cpim-pidf"))
        .valueByXPath("count(/c:presence/c:tuple/c:status/c:basic)").isEqualTo("0");
    XmlAssert.assertThat(stored).withNamespaceContext(Map.of("c", "urn:ietf:params:xml:ns:cpim-pidf"))
        .valueByXPath("/c:presence/c:tuple/c:contact").isEqualTo("im:dave@example.com");
    assertThat(new String(stored, UTF_8)).doesNotContain("urn:ietf:params:xml:ns:pidf\"");
  }

  @Test
  void unknownExtensionsSurvivePidfToCpimToPidf() {
    byte[] original = golden("rfc4480-on-the-phone.pidf.xml");
    NotifyBody cpim = codec.compose(ALICE, List.of(codec.parse(PIDF, original)), CPIM, Transformations.ALL);

    NotifyBody back = codec.compose(ALICE, List.of(codec.parse(CPIM, cpim.bytes())), PIDF, Transformations.ALL);

    // Only the entity differs: composed documents name the presentity by its own URI.
    XmlAssert.assertThat(back.bytes()).and(original)
        .withAttributeFilter(attribute -> !attribute.getName().equals("entity"))
        .ignoreWhitespace().ignoreComments().areSimilar();
    XmlAssert.assertThat(back.bytes()).withNamespaceContext(Map.of("x", "urn:example:unknown"))
        .valueByXPath("//x:custom").isEqualTo("kept as it is");
  }

  @Test
  void writesMustUnderstandInTheCpimNamespace() {
    PidfCodec understanding =
        new PidfCodec(new SecureXml(), Set.of(new QName("urn:example:presence-extension", "mood")));
    byte[] mustUnderstand = TestDocuments.pidf("invalid/must-understand.xml");

    NotifyBody cpim = understanding.compose(ALICE,
        List.of(understanding.parse(PIDF, mustUnderstand), understanding.parse(PIDF, mustUnderstand)), CPIM, Transformations.ALL);

    XmlAssert.assertThat(cpim.bytes())
        .withNamespaceContext(Map.of("c", "urn:ietf:params:xml:ns:cpim-pidf", "ex", "urn:example:presence-extension"))
        .valueByXPath("/c:presence/ex:mood/@c:mustUnderstand").isEqualTo("true");
    assertThat(new String(cpim.bytes(), UTF_8)).doesNotContain("urn:ietf:params:xml:ns:pidf\"");
  }

  @Test
  void rejectsAMustUnderstandExtensionItDoesNotKnowInCpimToo() {
    byte[] cpim = codec.compose(ALICE, List.of(), CPIM, Transformations.ALL).bytes();
    assertThat(codec.parse(CPIM, cpim).model().getTuples()).hasSize(1);

    byte[] mustUnderstand = new String(TestDocuments.pidf("invalid/must-understand.xml"), UTF_8)
        .replace("urn:ietf:params:xml:ns:pidf\"", "urn:ietf:params:xml:ns:cpim-pidf\"").getBytes(UTF_8);
    assertThatThrownBy(() -> codec.parse(CPIM, mustUnderstand))
        .isInstanceOf(InvalidDocumentException.class)
        .hasMessageContaining("mustUnderstand");
  }

  @ParameterizedTest
  @ValueSource(strings = {"attack/billion-laughs.xml", "attack/xxe-file.xml", "attack/doctype-only.xml"})
  void refusesDoctypesInCpimPidfWithoutExpandingThem(String attack) {
    assertThatThrownBy(() -> codec.parse(CPIM, TestDocuments.pidf(attack)))
        .isInstanceOf(InvalidDocumentException.class)
        .hasMessage("Invalid XML: DOCTYPE is not allowed");
  }

  @Test
  void refusesOtherTypes() {
    assertThatThrownBy(() -> codec.parse("application/xpidf+xml", golden("offline.pidf.xml")))
        .isInstanceOf(UnsupportedContentTypeException.class);
  }

  private static byte[] golden(String name) {
    return DocumentFormatsGoldenTest.read("/documents/formats/in/" + name);
  }
}
