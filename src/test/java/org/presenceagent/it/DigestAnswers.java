package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.presenceagent.application.identity.DigestAlgorithm;

/**
 * What a digest client does (RFC 3261 section 22.2, RFC 7616 section 3.4): reads the challenges of a
 * 401, computes the Authorization for a request (qop=auth), and sends the request again with it.
 */
final class DigestAnswers {

  private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");
  private static final Pattern REALM = Pattern.compile("realm=\"([^\"]+)\"");

  private DigestAnswers() {}

  /** Every WWW-Authenticate value of a response, one per challenge. */
  static List<String> challenges(Response response) {
    List<String> values = new ArrayList<>();
    ListIterator<?> headers = response.getHeaders("WWW-Authenticate");
    while (headers.hasNext()) {
      String text = headers.next().toString();
      values.add(text.substring(text.indexOf(':') + 1).trim());
    }
    return values;
  }

  /** The challenge for one algorithm (asserting it is there). */
  static String challenge(Response response, DigestAlgorithm algorithm) {
    return challenges(response).stream().filter(value -> value.contains("algorithm=" + algorithm.token()))
        .findFirst().orElseThrow(() -> new AssertionError("no " + algorithm.token() + " challenge in " + response));
  }

  static String nonce(String challenge) {
    Matcher matcher = NONCE.matcher(challenge);
    assertThat(matcher.find()).as("nonce in " + challenge).isTrue();
    return matcher.group(1);
  }

  static String realm(String challenge) {
    Matcher matcher = REALM.matcher(challenge);
    assertThat(matcher.find()).as("realm in " + challenge).isTrue();
    return matcher.group(1);
  }

  /** The Authorization value for a request, digest uri = its Request-URI. */
  static String authorization(Request request, String user, String password, String realm, String nonce,
      DigestAlgorithm algorithm, int nonceCount) {
    String uri = request.getRequestURI().toString();
    String nc = String.format("%08x", nonceCount);
    String cnonce = "c" + nonceCount;
    String response = algorithm.response(algorithm.ha1(user, realm, password), nonce, nc, cnonce, "auth",
        algorithm.ha2(request.getMethod(), uri));
    return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
        + "\", response=\"" + response + "\", algorithm=" + algorithm.token() + ", qop=auth, nc=" + nc
        + ", cnonce=\"" + cnonce + "\"";
  }

  /** The same request as a new transaction (next CSeq, new branch), e.g. to answer a challenge. */
  static Request again(Request request) throws Exception {
    Request copy = (Request) request.clone();
    CSeqHeader cseq = (CSeqHeader) copy.getHeader(CSeqHeader.NAME);
    cseq.setSeqNumber(cseq.getSeqNumber() + 1);
    ((ViaHeader) copy.getHeader(ViaHeader.NAME)).removeParameter("branch");
    return copy;
  }

  /**
   * Sends a request; when it is challenged, sends it again with the user's MD5 credentials and
   * returns that answer (the 401 itself when the first answer was not a challenge).
   */
  static Response call(SipTestClient client, Request request, String user, String password) throws Exception {
    Response first = client.call(request);
    if (first.getStatusCode() != 401) {
      return first;
    }
    String challenge = challenge(first, DigestAlgorithm.MD5);
    Request answer = again(request);
    SipTestClient.setHeader(answer, "Authorization",
        authorization(answer, user, password, realm(challenge), nonce(challenge), DigestAlgorithm.MD5, 1));
    return client.call(answer);
  }
}
