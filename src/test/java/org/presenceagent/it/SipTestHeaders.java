package org.presenceagent.it;

import gov.nist.javax.sip.header.HeaderFactoryImpl;
import javax.sip.header.Header;
import javax.sip.message.Message;

/** Sets arbitrary headers on test messages, parsed by JAIN-SIP (so tests send well-formed SIP). */
final class SipTestHeaders {

  private static final HeaderFactoryImpl FACTORY = new HeaderFactoryImpl();

  private SipTestHeaders() {}

  static void set(Message message, String name, String value) throws Exception {
    Header header = FACTORY.createHeader(name, value);
    message.setHeader(header);
  }

  /**
   * Adds one more header field of that name, keeping those already there (e.g. several Accept);
   * a comma-separated list value is added element by element, as JAIN-SIP keeps list headers.
   */
  static void add(Message message, String name, String value) throws Exception {
    for (Object header : FACTORY.createHeaders(name + ": " + value)) {
      message.addHeader((Header) header);
    }
  }

  /** The header's value; the values of a header JAIN-SIP split into several are joined with ", ". */
  static String get(Message message, String name) {
    java.util.ListIterator<?> headers = message.getHeaders(name);
    java.util.List<String> values = new java.util.ArrayList<>();
    while (headers.hasNext()) {
      String text = headers.next().toString();
      values.add(text.substring(text.indexOf(':') + 1).trim());
    }
    return values.isEmpty() ? null : String.join(", ", values);
  }
}
