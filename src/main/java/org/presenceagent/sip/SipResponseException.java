package org.presenceagent.sip;

import java.util.List;
import java.util.Map;

/**
 * A request that cannot be parsed or served, with the status, reason and headers of the one
 * response it gets (mapped once in {@link SipErrorResponder}).
 */
final class SipResponseException extends RuntimeException {

  private final int status;
  private final Map<String, String> headers;
  private final List<String> challenges;

  SipResponseException(int status, String reason, Map<String, String> headers) {
    this(status, reason, headers, List.of());
  }

  /**
   * @param challenges the values of the {@code WWW-Authenticate} headers of a 401, one header each
   *     (RFC 3261 section 20.44 allows one challenge per header; RFC 8760 section 2.4 one per algorithm)
   */
  SipResponseException(int status, String reason, Map<String, String> headers, List<String> challenges) {
    super(reason);
    this.status = status;
    this.headers = Map.copyOf(headers);
    this.challenges = List.copyOf(challenges);
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

  List<String> challenges() {
    return challenges;
  }
}
