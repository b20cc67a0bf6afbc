package org.presenceagent.document;

import java.util.function.Consumer;
import org.presenceagent.application.port.DocumentCodec;
import org.presenceagent.application.port.InvalidDocumentException;
import org.presenceagent.application.port.RejectedDocumentException;

/**
 * Classifies a refusal of {@link SecureXml} or a codec for RFC 4825 section 11: was the body not
 * well-formed (or refused before parsing: DOCTYPE, size), or well-formed but invalid?
 */
public final class RejectedDocuments {

  private RejectedDocuments() {}

  /**
   * A check that the body is a valid document of the codec's type as it is (for an XCAP
   * application usage: the server keeps the document and serves it back unchanged, so nothing
   * that would need repair is stored).
   */
  public static Consumer<byte[]> parsableBy(DocumentCodec codec, String contentType) {
    return body -> {
      try {
        codec.parseStrictly(contentType, body);
      } catch (InvalidDocumentException e) {
        throw of(e);
      }
    };
  }

  public static RejectedDocumentException of(InvalidDocumentException e) {
    // SecureXml words these failures itself; everything else was found after parsing succeeded.
    String message = String.valueOf(e.getMessage());
    boolean wellFormed = !(message.startsWith("Invalid XML: not well-formed") || message.contains("DOCTYPE")
        || message.contains("empty body") || message.contains("exceeds the limit"));
    return new RejectedDocumentException(wellFormed, message, e);
  }
}
