package org.presenceagent.it;

import java.nio.charset.StandardCharsets;

/** PIDF test documents (RFC 3863). */
final class Pidf {

  private Pidf() {}

  static byte[] open(String entity, String tupleId, String note) {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"" + entity + "\">\n"
        + "  <tuple id=\"" + tupleId + "\"><status><basic>open</basic></status>"
        + "<contact priority=\"0.8\">" + entity + "</contact></tuple>\n"
        + "  <note>" + note + "</note>\n"
        + "</presence>\n").getBytes(StandardCharsets.UTF_8);
  }

  static String text(byte[] body) {
    return body == null ? "" : new String(body, StandardCharsets.UTF_8);
  }
}
