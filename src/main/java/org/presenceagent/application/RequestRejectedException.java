package org.presenceagent.application;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the application refuses, with the SIP status and the headers the answer must carry
 * (e.g. {@code Min-Expires} with 423, {@code Allow-Events} with 489). The SIP layer turns it into
 * exactly one response.
 *
 * <p>It carries no stack trace: a refusal is an answer, not a fault, nothing logs or reads its
 * stack, and under overload hundreds of requests a second are refused, each of which would walk
 * the thread's stack (deep here: the container, the stack's valves, the use case) to fill it in.
 */
public final class RequestRejectedException extends RuntimeException {

  private final int status;
  private final Map<String, String> headers;

  public RequestRejectedException(int status, String reason, Map<String, String> headers) {
    super(reason, null, false, false);
    if (status < 300 || status > 699) {
      throw new IllegalArgumentException("not a failure status: " + status);
    }
    this.status = status;
    this.headers = Map.copyOf(new LinkedHashMap<>(headers));
  }

  public RequestRejectedException(int status, String reason) {
    this(status, reason, Map.of());
  }

  public int status() {
    return status;
  }

  /** The reason phrase. */
  public String reason() {
    return getMessage();
  }

  public Map<String, String> headers() {
    return headers;
  }

  /** 400 Bad Request with a reason that says what is wrong. */
  public static RequestRejectedException badRequest(String reason) {
    return new RequestRejectedException(400, reason);
  }

  /** 423 Interval Too Brief (RFC 3261 section 21.4.17, RFC 6665 section 4.2.1.1). */
  public static RequestRejectedException intervalTooBrief(long minimumSeconds) {
    return new RequestRejectedException(423, "Interval Too Brief", Map.of("Min-Expires", Long.toString(minimumSeconds)));
  }

  /**
   * 406 Not Acceptable with the body types we can produce (RFC 3261 section 21.4.7: the Accept of
   * the answer tells the subscriber what it could ask for instead).
   */
  public static RequestRejectedException notAcceptable(Iterable<String> producible) {
    return new RequestRejectedException(406, "Not Acceptable", Map.of("Accept", String.join(", ", producible)));
  }

  /** 489 Bad Event with the packages we do support (RFC 6665 section 8.3.2). */
  public static RequestRejectedException badEvent(Iterable<String> allowEvents) {
    return new RequestRejectedException(489, "Bad Event", Map.of("Allow-Events", String.join(", ", allowEvents)));
  }
}
