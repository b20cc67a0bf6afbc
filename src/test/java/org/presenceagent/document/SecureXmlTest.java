package org.presenceagent.document;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBIntrospector;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.presenceagent.application.port.InvalidDocumentException;
import org.presenceagent.document.pidf.Presence;

class SecureXmlTest {

  private final SecureXml secureXml = new SecureXml();

  @Test
  void readsAWellFormedDocument() throws Exception {
    JAXBElement<Presence> root =
        secureXml.unmarshal(TestDocuments.pidf("valid/single-tuple.xml"), XmlBinding.newUnmarshaller(), Presence.class);

    assertThat(root.getValue().getEntity()).isEqualTo("sip:someone@example.com");
  }

  @Test
  void readsByRootElementName() throws Exception {
    Object root = secureXml.unmarshal(TestDocuments.pidf("valid/single-tuple.xml"), XmlBinding.newUnmarshaller());

    // presence has a named type in RFC 3863: the generated binding reads it as a JAXBElement.
    assertThat(JAXBIntrospector.getValue(root)).isInstanceOfSatisfying(Presence.class, p -> assertThat(p.getTuples()).hasSize(1));
  }

  @Test
  void reportsAnUnknownRootElementWhenReadingByName() {
    assertThatThrownBy(
            () -> secureXml.unmarshal(TestDocuments.pidf("invalid/wrong-root.xml"), XmlBinding.newUnmarshaller()))
        .isInstanceOf(InvalidDocumentException.class)
        .hasMessageStartingWith("Invalid XML: unexpected element")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(140).doesNotContain("\n"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"attack/billion-laughs.xml", "attack/xxe-file.xml", "attack/doctype-only.xml"})
  void rejectsEveryDoctype(String document) {
    byte[] body = TestDocuments.pidf(document);

    assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(5), () -> unmarshal(body)))
        .isInstanceOf(InvalidDocumentException.class)
        .hasMessage("Invalid XML: DOCTYPE is not allowed");
  }

  @Test
  void rejectsABodyThatIsOnlyADoctype() {
    assertThatThrownBy(() -> unmarshal("<!DOCTYPE presence>".getBytes(UTF_8)))
        .isInstanceOf(InvalidDocumentException.class)
        .hasMessage("Invalid XML: DOCTYPE is not allowed");
  }

  @Test
  void neverExpandsAnExternalEntityIntoTheResult() {
    assertThatThrownBy(() -> unmarshal(TestDocuments.pidf("attack/xxe-file.xml")))
        .isInstanceOf(InvalidDocumentException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("root:"));
  }

  @Test
  void neverFetchesAnExternalDtdOrParameterEntity() throws IOException {
    try (ServerSocket listener = new ServerSocket(0)) {
      String url = "http://127.0.0.1:" + listener.getLocalPort() + "/evil.dtd";
      byte[] body =
          ("<?xml version=\"1.0\"?>\n"
                  + "<!DOCTYPE presence SYSTEM \""
                  + url
                  + "\" [<!ENTITY % remote SYSTEM \""
                  + url
                  + "\"> %remote;]>\n"
                  + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"sip:a@example.com\"/>")
              .getBytes(UTF_8);

      assertThatThrownBy(() -> unmarshal(body))
          .isInstanceOf(InvalidDocumentException.class)
          .hasMessage("Invalid XML: DOCTYPE is not allowed");

      listener.setSoTimeout(200);
      // the parser must not have connected: accept() times out
      assertThatThrownBy(listener::accept).isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void rejectsAnOversizeBodyBeforeParsingAndSaysTheLimit() {
    SecureXml small = new SecureXml(100);
    byte[] body = new byte[101];
    Arrays.fill(body, (byte) '<'); // not XML at all: the size check must come first

    assertThatThrownBy(() -> small.unmarshal(body, XmlBinding.newUnmarshaller(), Presence.class))
        .isInstanceOf(InvalidDocumentException.class)
        .hasMessage("Invalid XML: body of 101 bytes exceeds the limit of 100 bytes");
  }

  @Test
  void rejectsElementsNestedDeeperThanTheLimitWithinTheSizeLimit() {
    // ~9,000 levels fit in 64 KiB; whatever reads such a document recursively overflows its stack.
    String open = "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"sip:a@example.com\">"
        + "<tuple id=\"t\"><status><basic>open</basic></status>";
    StringBuilder deep = new StringBuilder(open);
    int levels = 9000;
    deep.append("<x xmlns=\"urn:example:deep\">".repeat(1));
    deep.append("<x>".repeat(levels - 1)).append("</x>".repeat(levels)).append("</tuple></presence>");
    byte[] body = deep.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(body.length).isLessThan(SecureXml.DEFAULT_MAX_BODY_BYTES);

    assertThatThrownBy(() -> unmarshal(body))
        .isInstanceOf(InvalidDocumentException.class)
        .hasMessage("Invalid XML: elements nested deeper than 32 levels");
  }

  @Test
  void acceptsNestingUpToTheLimit() throws Exception {
    String open = "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"sip:a@example.com\">"
        + "<tuple id=\"t\"><status><basic>open</basic></status>";
    int levels = 8 - 2; // presence and tuple are two of the eight
    String body = open + "<x xmlns=\"urn:example:deep\">" + "<x>".repeat(levels - 1) + "</x>".repeat(levels)
        + "</tuple></presence>";
    SecureXml shallow = new SecureXml(SecureXml.DEFAULT_MAX_BODY_BYTES, 8);

    assertThat(shallow.unmarshal(body.getBytes(java.nio.charset.StandardCharsets.UTF_8), XmlBinding.newUnmarshaller(),
        Presence.class).getValue()).isNotNull();
    assertThatThrownBy(() -> new SecureXml(SecureXml.DEFAULT_MAX_BODY_BYTES, 7).unmarshal(
        body.getBytes(java.nio.charset.StandardCharsets.UTF_8), XmlBinding.newUnmarshaller(), Presence.class))
        .isInstanceOf(InvalidDocumentException.class);
  }

  @Test
  void acceptsABodyOfExactlyTheLimit() throws Exception {
    byte[] body = TestDocuments.pidf("valid/single-tuple.xml");
    SecureXml exact = new SecureXml(body.length);

    assertThat(exact.unmarshal(body, XmlBinding.newUnmarshaller(), Presence.class).getValue()).isNotNull();
  }

  @Test
  void rejectsAnEmptyBody() {
    assertThatThrownBy(() -> unmarshal(new byte[0]))
        .isInstanceOf(InvalidDocumentException.class)
        .hasMessage("Invalid XML: empty body");
  }

  @Test
  void rejectsNonXmlWithThePosition() {
    assertThatThrownBy(() -> unmarshal("this is not XML".getBytes(UTF_8)))
        .isInstanceOf(InvalidDocumentException.class)
        .hasMessage("Invalid XML: not well-formed at line 1, column 1");
  }

  @Test
  void rejectsTruncatedXml() {
    byte[] whole = TestDocuments.pidf("valid/rfc3863-example.xml");
    byte[] truncated = Arrays.copyOf(whole, whole.length / 2);

    assertThatThrownBy(() -> unmarshal(truncated))
        .isInstanceOf(InvalidDocumentException.class)
        .hasMessageStartingWith("Invalid XML: not well-formed at line ")
        .hasCauseInstanceOf(jakarta.xml.bind.UnmarshalException.class);
  }

  @Test
  void refusesANonPositiveLimit() {
    assertThatThrownBy(() -> new SecureXml(0)).isInstanceOf(IllegalArgumentException.class);
  }

  private void unmarshal(byte[] body) throws Exception {
    secureXml.unmarshal(body, XmlBinding.newUnmarshaller(), Presence.class);
  }
}
