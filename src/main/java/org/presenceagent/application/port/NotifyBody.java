package org.presenceagent.application.port;

import java.util.Objects;

/**
 * A NOTIFY body: media type and bytes.
 *
 * @param contentType e.g. {@code application/pidf+xml}
 * @param bytes the encoded document
 */
public record NotifyBody(String contentType, byte[] bytes) {

  public NotifyBody {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(bytes, "bytes");
  }
}
