package org.presenceagent.document;

/** Names of XPIDF (draft-rosenberg-impp-pidf-00); its JAXB classes are generated into {@code document.xpidf}. */
final class Xpidf {

  /** The media type. */
  static final String CONTENT_TYPE = "application/xpidf+xml";

  private Xpidf() {}
}
