package org.presenceagent.application.port;

import org.presenceagent.domain.auth.ImRules;
import org.presenceagent.domain.auth.PresRules;

/** Reads pres-rules documents (RFC 5025, {@code application/auth-policy+xml}). */
public interface RulesDocumentReader {

  /**
   * Parses and validates a pres-rules document.
   *
   * @throws RejectedDocumentException when the bytes are not a safe, well-formed, valid document;
   *     the message says what is wrong
   */
  PresRules read(byte[] body);

  /**
   * Reads an im-rules document (the same common-policy model, {@code im-handling} actions).
   *
   * @throws RejectedDocumentException when it is not a well-formed, valid ruleset
   */
  ImRules readImRules(byte[] body);
}
