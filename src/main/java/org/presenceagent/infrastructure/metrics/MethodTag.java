package org.presenceagent.infrastructure.metrics;

import java.util.Set;

/**
 * The {@code method} tag of a request counter, bounded: a client chooses the method name, and a
 * new tag value is a new Prometheus series and a new MBean for ever. The methods of the SIP
 * registry (RFC 3261 section 27.4 and the extensions this server knows) and of HTTP (RFC 9110
 * section 9, RFC 5789, RFC 4918 as XCAP clients use none of WebDAV's but they are standard) keep
 * their names; anything else is counted under {@value #OTHER}.
 */
final class MethodTag {

  /** The tag value of every method not in the known sets. */
  static final String OTHER = "other";

  private static final Set<String> SIP = Set.of(
      "INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER", "PRACK", "SUBSCRIBE", "NOTIFY",
      "PUBLISH", "INFO", "REFER", "MESSAGE", "UPDATE");
  private static final Set<String> HTTP = Set.of(
      "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "CONNECT");

  private MethodTag() {}

  static String sip(String method) {
    return SIP.contains(method) ? method : OTHER;
  }

  static String http(String method) {
    return HTTP.contains(method) ? method : OTHER;
  }
}
