package org.presenceagent.document;

import javax.xml.namespace.QName;

/**
 * Names defined by RFC 3863 that the code around the generated JAXB classes needs (those classes
 * live in {@code document.pidf} and are generated from {@code src/main/xsd/pidf.xsd}).
 */
final class Pidf {

  /** The PIDF namespace (RFC 3863 section 4.1). */
  static final String NAMESPACE = "urn:ietf:params:xml:ns:pidf";

  /** The media type of a PIDF document (RFC 3863 section 4.1). */
  static final String CONTENT_TYPE = "application/pidf+xml";

  /** The root element every PIDF document must have (RFC 3863 section 4.1.1). */
  static final QName PRESENCE = new QName(NAMESPACE, "presence");

  /**
   * The attribute that marks an extension element a recipient must understand or else reject the
   * document (RFC 3863 section 5); it lives in the PIDF namespace, not in the extension's.
   */
  static final String MUST_UNDERSTAND = "mustUnderstand";

  /** The two values of {@code <basic>} (RFC 3863 section 4.1.4). */
  static final String OPEN = "open";

  static final String CLOSED = "closed";

  private Pidf() {}
}
