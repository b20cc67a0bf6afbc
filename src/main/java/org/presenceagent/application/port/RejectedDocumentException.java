package org.presenceagent.application.port;

/**
 * A document refused on upload, with the RFC 4825 section 11 conflict it is: not well-formed XML
 * (including refused DOCTYPEs and oversized bodies) or well-formed but not valid for its
 * application usage.
 */
public final class RejectedDocumentException extends RuntimeException {

  private final boolean wellFormed;

  public RejectedDocumentException(boolean wellFormed, String message, Throwable cause) {
    super(message, cause);
    this.wellFormed = wellFormed;
  }

  /** Whether the body was well-formed XML (then it failed validation against its schema). */
  public boolean wellFormed() {
    return wellFormed;
  }
}
