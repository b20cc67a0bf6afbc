package org.presenceagent.it;

import javax.sip.message.Request;
import javax.sip.message.Response;

/** Builds and sends PUBLISH requests (RFC 3903) for tests. */
final class Publisher {

  private final SipTestClient client;
  private long cseq;

  Publisher(SipTestClient client) {
    this.client = client;
  }

  Request request(String presentity, Integer expires, String ifMatch, String contentType, byte[] body) throws Exception {
    Request publish = client.newRequest(Request.PUBLISH, presentity, presentity, ++cseq);
    SipTestClient.setHeader(publish, "Event", "presence");
    if (expires != null) {
      SipTestClient.setHeader(publish, "Expires", Integer.toString(expires));
    }
    if (ifMatch != null) {
      SipTestClient.setHeader(publish, "SIP-If-Match", ifMatch);
    }
    if (body != null) {
      client.setBody(publish, contentType, body);
    }
    return publish;
  }

  Response publish(String presentity, Integer expires, String ifMatch, byte[] pidf) throws Exception {
    return client.call(request(presentity, expires, ifMatch, "application/pidf+xml", pidf));
  }

  static String etag(Response response) {
    return SipTestHeaders.get(response, "SIP-ETag");
  }
}
