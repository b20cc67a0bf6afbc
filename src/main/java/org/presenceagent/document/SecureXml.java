package org.presenceagent.document;

import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.sax.SAXSource;
import org.presenceagent.application.port.InvalidDocumentException;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * The one way XML is read in this project: a hardened, namespace-aware SAX parser feeding JAXB.
 *
 * <p>Presence documents come from the network, so every document is untrusted. The parser
 * refuses any DOCTYPE, which shuts out entity-expansion bombs ("billion laughs") and external
 * entities (XXE, server-side request forgery) in one step; external entities, external DTDs and
 * XInclude are also switched off, secure processing is on and no entity is ever resolved, so that
 * no single setting is the only defence (see the security considerations of RFC 3863 and
 * OWASP's XXE prevention cheat sheet). Bodies above a size limit are refused before the parser sees them,
 * and elements nested deeper than a depth limit stop the parse: a 64 KiB body holds thousands of
 * nested elements, and what reads the document afterwards (JAXB, the DOM of extension elements,
 * the composer and writers) recurses once per level, so an unbounded depth is a stack overflow
 * waiting for the next NOTIFY. The limit is the JDK parser's own ({@code jdk.xml.maxElementDepth}),
 * counted while parsing at no extra cost.
 *
 * <p>Thread-safe: the factory is configured once and each thread keeps one parser, reused from
 * document to document (SAX2 allows it once a parse has finished). Creating a JDK parser costs
 * more than parsing a presence document, and every PUBLISH and every publication restored at
 * start-up is parsed. A parser whose parse failed is dropped, so no state of a hostile document
 * can reach the next one.
 */
public final class SecureXml {

  /** 64 KiB: far above any real presence document, far below what would hurt the server. */
  public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
  /** 32 levels: a PIDF document with RPID and data-model extensions nests about 6 deep, pres-rules about 7. */
  public static final int DEFAULT_MAX_DEPTH = 32;

  private static final String DISALLOW_DOCTYPE =
      "http://apache.org/xml/features/disallow-doctype-decl";
  private static final String EXTERNAL_GENERAL_ENTITIES =
      "http://xml.org/sax/features/external-general-entities";
  private static final String EXTERNAL_PARAMETER_ENTITIES =
      "http://xml.org/sax/features/external-parameter-entities";
  private static final String LOAD_EXTERNAL_DTD =
      "http://apache.org/xml/features/nonvalidating/load-external-dtd";
  private static final byte[] DOCTYPE_MARKER = "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_DETAIL_LENGTH = 120;
  /** The JDK parser's element-depth limit (JAXP 1.5 processing limits, java.xml module summary). */
  private static final String MAX_ELEMENT_DEPTH = "jdk.xml.maxElementDepth";
  private static final String DEPTH_ERROR_MARKER = "maxElementDepth";

  private final SAXParserFactory factory;
  private final int maxBodyBytes;
  private final int maxDepth;
  private final ThreadLocal<XMLReader> readers = ThreadLocal.withInitial(this::newXmlReader);

  /** A reader with the {@linkplain #DEFAULT_MAX_BODY_BYTES default} size limit. */
  public SecureXml() {
    this(DEFAULT_MAX_BODY_BYTES);
  }

  /** A reader with the {@linkplain #DEFAULT_MAX_DEPTH default} depth limit. */
  public SecureXml(int maxBodyBytes) {
    this(maxBodyBytes, DEFAULT_MAX_DEPTH);
  }

  /**
   * @param maxBodyBytes the largest body accepted, in bytes
   * @param maxDepth the deepest element nesting accepted (the root element is depth 1)
   * @throws IllegalStateException when the JDK parser does not support a hardening feature (we
   *     would rather not start than parse untrusted XML unprotected)
   */
  public SecureXml(int maxBodyBytes, int maxDepth) {
    if (maxBodyBytes <= 0) {
      throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
    }
    if (maxDepth <= 0) {
      throw new IllegalArgumentException("maxDepth must be positive: " + maxDepth);
    }
    this.maxBodyBytes = maxBodyBytes;
    this.maxDepth = maxDepth;
    this.factory = hardenedFactory();
  }

  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /**
   * Parses {@code body} and binds its root element, whatever its name, to {@code declaredType};
   * the caller checks {@link JAXBElement#getName()}. Binding by type rather than by root name lets
   * the caller say "wrong root element" instead of relaying JAXB's generic error.
   *
   * @throws InvalidDocumentException when the body is empty, too large, not well-formed, has a
   *     DOCTYPE, or cannot be bound; the message is short enough for a SIP reason phrase
   */
  public <T> JAXBElement<T> unmarshal(byte[] body, Unmarshaller unmarshaller, Class<T> declaredType) {
    checkSize(body);
    try {
      return unmarshaller.unmarshal(source(body), declaredType);
    } catch (JAXBException | RuntimeException e) {
      readers.remove();
      throw e instanceof JAXBException jaxb ? invalid(body, jaxb) : (RuntimeException) e;
    }
  }

  /**
   * Like {@link #unmarshal(byte[], Unmarshaller, Class)}, reading the elements and attributes of
   * namespace {@code from} as if they were in namespace {@code to} (CPIM-PIDF read as PIDF). The
   * hardened parser does the parsing; the renaming filter only sees its events.
   */
  public <T> JAXBElement<T> unmarshal(
      byte[] body, Unmarshaller unmarshaller, Class<T> declaredType, String from, String to) {
    checkSize(body);
    try {
      SAXSource source = new SAXSource(
          new NamespaceRenamer(readers.get(), from, to), new InputSource(new ByteArrayInputStream(body)));
      return unmarshaller.unmarshal(source, declaredType);
    } catch (JAXBException | RuntimeException e) {
      readers.remove();
      throw e instanceof JAXBException jaxb ? invalid(body, jaxb) : (RuntimeException) e;
    }
  }

  /** Like {@link #unmarshal(byte[], Unmarshaller, Class)} for an unmarshaller that knows the root. */
  public Object unmarshal(byte[] body, Unmarshaller unmarshaller) {
    checkSize(body);
    try {
      return unmarshaller.unmarshal(source(body));
    } catch (JAXBException | RuntimeException e) {
      readers.remove();
      throw e instanceof JAXBException jaxb ? invalid(body, jaxb) : (RuntimeException) e;
    }
  }

  private void checkSize(byte[] body) {
    if (body == null || body.length == 0) {
      throw new InvalidDocumentException("Invalid XML: empty body");
    }
    if (body.length > maxBodyBytes) {
      throw new InvalidDocumentException(
          "Invalid XML: body of " + body.length + " bytes exceeds the limit of " + maxBodyBytes + " bytes");
    }
  }

  // No system id on the input source: a relative reference would have nothing to resolve against.
  private SAXSource source(byte[] body) {
    return new SAXSource(readers.get(), new InputSource(new ByteArrayInputStream(body)));
  }

  private XMLReader newXmlReader() {
    try {
      SAXParser parser;
      // SAXParserFactory is not specified as thread-safe; creating a parser is cheap next to parsing.
      synchronized (factory) {
        parser = factory.newSAXParser();
      }
      parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      parser.setProperty(MAX_ELEMENT_DEPTH, Integer.toString(maxDepth));
      XMLReader reader = parser.getXMLReader();
      reader.setEntityResolver(
          (publicId, systemId) -> {
            throw new SAXException("external entity refused: " + systemId);
          });
      return reader;
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("cannot create a hardened XML parser", e);
    }
  }

  private static SAXParserFactory hardenedFactory() {
    // The JDK's own parser, not whatever a container jar on the class path registers: the
    // features below are known to be honoured by it.
    SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
    factory.setNamespaceAware(true);
    factory.setValidating(false);
    factory.setXIncludeAware(false);
    try {
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature(DISALLOW_DOCTYPE, true);
      factory.setFeature(EXTERNAL_GENERAL_ENTITIES, false);
      factory.setFeature(EXTERNAL_PARAMETER_ENTITIES, false);
      factory.setFeature(LOAD_EXTERNAL_DTD, false);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("the XML parser cannot be hardened", e);
    }
    return factory;
  }

  private InvalidDocumentException invalid(byte[] body, JAXBException e) {
    SAXParseException parseError = findParseError(e);
    if (parseError != null && String.valueOf(parseError.getMessage()).contains(DEPTH_ERROR_MARKER)) {
      return new InvalidDocumentException("Invalid XML: elements nested deeper than " + maxDepth + " levels", e);
    }
    if (parseError != null && contains(body, DOCTYPE_MARKER)) {
      // The parser stopped at the DOCTYPE (disallow-doctype-decl); nothing in it was read.
      return new InvalidDocumentException("Invalid XML: DOCTYPE is not allowed", e);
    }
    if (parseError != null) {
      return new InvalidDocumentException(
          "Invalid XML: not well-formed at line "
              + parseError.getLineNumber()
              + ", column "
              + parseError.getColumnNumber(),
          e);
    }
    return new InvalidDocumentException("Invalid XML: " + detail(e), e);
  }

  private static SAXParseException findParseError(Throwable error) {
    for (Throwable cause = error; cause != null; cause = next(cause)) {
      if (cause instanceof SAXParseException parseError) {
        return parseError;
      }
    }
    return null;
  }

  // JAXBException keeps its cause as a "linked exception" that getCause() also returns; the
  // guard stops a cause chain that points back at itself.
  private static Throwable next(Throwable error) {
    Throwable cause = error.getCause();
    return cause == error ? null : cause;
  }

  /** One line, bounded, so that it can end up in a SIP reason phrase. */
  private static String detail(JAXBException e) {
    Throwable source = e.getMessage() == null && e.getCause() != null ? e.getCause() : e;
    String text = String.valueOf(source.getMessage()).replaceAll("\\s+", " ").trim();
    return text.length() <= MAX_DETAIL_LENGTH ? text : text.substring(0, MAX_DETAIL_LENGTH) + "...";
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
