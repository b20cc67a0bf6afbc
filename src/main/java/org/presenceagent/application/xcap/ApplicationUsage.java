package org.presenceagent.application.xcap;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * An XCAP application usage (RFC 4825 section 5): its AUID, the MIME type of its documents, and
 * the check a document must pass before it is stored.
 *
 * @param validator throws {@link org.presenceagent.application.port.RejectedDocumentException}
 *     for a document that is not valid for this usage
 */
public record ApplicationUsage(String auid, String mimeType, String namespace, Consumer<byte[]> validator) {

  /** RFC 5025 section 9: pres-rules, MIME type {@code application/auth-policy+xml}. */
  public static final String PRES_RULES = "pres-rules";

  public ApplicationUsage {
    Objects.requireNonNull(auid, "auid");
    Objects.requireNonNull(mimeType, "mimeType");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(validator, "validator");
  }
}
