package org.presenceagent.application.port;

/** A document of a media type the codec does not read. */
public final class UnsupportedContentTypeException extends RuntimeException {

  public UnsupportedContentTypeException(String contentType) {
    super("Unsupported Media Type: " + contentType);
  }
}
