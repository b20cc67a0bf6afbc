package org.presenceagent.application.port;

/** A document that is malformed, invalid, unsafe (DTDs, entities) or too large. */
public final class InvalidDocumentException extends RuntimeException {

  public InvalidDocumentException(String message) {
    super(message);
  }

  public InvalidDocumentException(String message, Throwable cause) {
    super(message, cause);
  }
}
