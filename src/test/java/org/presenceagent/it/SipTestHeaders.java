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

  static String get(Message message, String name) {
    Header header = message.getHeader(name);
    if (header == null) {
      return null;
    }
    String text = header.toString();
    return text.substring(text.indexOf(':') + 1).trim();
  }
}
