package org.presenceagent.application.xcap;

import java.util.Optional;

/**
 * An XCAP request the server refuses, with its HTTP status; a 409 carries the RFC 4825 section
 * 11 conflict that goes into the {@code xcap-error} body.
 */
public final class XcapRejectedException extends RuntimeException {

  /** The conflict elements of RFC 4825 section 11 that this server reports. */
  /** The conflict elements of RFC 4825 section 11 this server reports. */
  public enum Conflict { NOT_WELL_FORMED, SCHEMA_VALIDATION_ERROR, CONSTRAINT_FAILURE }

  private final int status;
  private final Optional<Conflict> conflict;

  private XcapRejectedException(int status, String message, Optional<Conflict> conflict) {
    super(message);
    this.status = status;
    this.conflict = conflict;
  }

  public static XcapRejectedException notFound(String message) {
    return new XcapRejectedException(404, message, Optional.empty());
  }

  public static XcapRejectedException preconditionFailed() {
    return new XcapRejectedException(412, "Precondition Failed", Optional.empty());
  }

  public static XcapRejectedException unsupportedMediaType(String expected) {
    return new XcapRejectedException(415, "Unsupported Media Type: expected " + expected, Optional.empty());
  }

  public static XcapRejectedException conflict(Conflict conflict, String message) {
    return new XcapRejectedException(409, message, Optional.of(conflict));
  }

  public int status() {
    return status;
  }

  public Optional<Conflict> conflict() {
    return conflict;
  }
}
