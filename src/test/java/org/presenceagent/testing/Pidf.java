package org.presenceagent.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

/** Small PIDF documents for the use-case tests. */
public final class Pidf {

  public static final String CONTENT_TYPE = "application/pidf+xml";

  private Pidf() {}

  /** A presence document with one tuple. */
  public static byte[] tuple(String entity, String tupleId, String basic) {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"" + entity + "\">"
        + "<tuple id=\"" + tupleId + "\"><status><basic>" + basic + "</basic></status></tuple>"
        + "</presence>").getBytes(UTF_8);
  }
}
