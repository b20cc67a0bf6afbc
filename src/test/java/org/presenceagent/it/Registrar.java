package org.presenceagent.it;

import javax.sip.header.ContactHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** REGISTER requests for tests, all from one Call-ID with increasing CSeq, as a phone sends them. */
final class Registrar {

  private final SipTestClient client;
  private final String aor;
  private final String callId = java.util.UUID.randomUUID() + "@phone";
  private long cseq;

  Registrar(SipTestClient client, String aor) {
    this.client = client;
    this.aor = aor;
  }

  /** A REGISTER with the given Contact header values (none: a query) and optional Expires header. */
  Request request(Integer expires, String... contacts) throws Exception {
    return requestWithCseq(++cseq, expires, contacts);
  }

  Request requestWithCseq(long number, Integer expires, String... contacts) throws Exception {
    Request register = client.newRequest(Request.REGISTER, aor, aor, callId, "reg" + number, null, "sip:example.com", number);
    register.removeHeader(ContactHeader.NAME);
    for (String contact : contacts) {
      SipTestHeaders.add(register, "Contact", contact);
    }
    if (expires != null) {
      SipTestClient.setHeader(register, "Expires", Integer.toString(expires));
    }
    return register;
  }

  Response register(Integer expires, String... contacts) throws Exception {
    return client.call(request(expires, contacts));
  }

  long cseq() {
    return cseq;
  }

  static String contacts(Response response) {
    String value = SipTestHeaders.get(response, "Contact");
    return value == null ? "" : value;
  }
}
