package org.presenceagent.sip;

import java.util.Map;

/**
 * A request that cannot be parsed or served, with the status, reason and headers of the one
 * response it gets (mapped once in {@link SipErrorResponder}).
 */
final class SipResponseException extends RuntimeException {

  private final int status;
  private final Map<String, String> headers;

  SipResponseException(int status, String reason, Map<String, String> headers) {
    super(reason);
    this.status = status;
    this.headers = Map.copyOf(headers);
  }

  SipResponseException(int status, String reason) {
    this(status, reason, Map.of());
  }

  static SipResponseException badRequest(String reason) {
    return new SipResponseException(400, reason);
  }

  int status() {
    return status;
  }

  Map<String, String> headers() {
    return headers;
  }
}
