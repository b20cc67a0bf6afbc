package org.presenceagent.document.pidf;

import javax.xml.namespace.QName;

/** Names defined by RFC 3863 that code outside the JAXB classes needs. */
public final class Pidf {

  /** The PIDF namespace (RFC 3863 section 4.1). */
  public static final String NAMESPACE = "urn:ietf:params:xml:ns:pidf";

  /** The media type of a PIDF document (RFC 3863 section 4.1). */
  public static final String CONTENT_TYPE = "application/pidf+xml";

  /** The root element every PIDF document must have (RFC 3863 section 4.1.1). */
  public static final QName PRESENCE = new QName(NAMESPACE, "presence");

  /**
   * The attribute that marks an extension element a recipient must understand or else reject the
   * document (RFC 3863 section 5); it lives in the PIDF namespace, not in the extension's.
   */
  public static final String MUST_UNDERSTAND = "mustUnderstand";

  /** The two values of {@code <basic>} (RFC 3863 section 4.1.4). */
  public static final String OPEN = "open";

  public static final String CLOSED = "closed";

  private Pidf() {}
}
