package org.presenceagent.sip;

import java.util.ArrayList;
import java.util.List;
import javax.servlet.sip.Proxy;
import javax.servlet.sip.ServletParseException;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.TooManyHopsException;
import javax.servlet.sip.URI;

/**
 * Relays a MESSAGE to the recipient's contacts with the container's proxy: in parallel, without
 * staying in the path, the best final response going back to the sender (RFC 3261 section 16.7,
 * RFC 3428 section 7). The body passes through untouched.
 */
final class MessageRelay {

  private MessageRelay() {}

  static void relay(SipServletRequest request, List<String> contacts, SipFactory factory) {
    List<URI> targets = new ArrayList<>(contacts.size());
    for (String contact : contacts) {
      try {
        targets.add(factory.createURI(contact));
      } catch (ServletParseException e) {
        // a binding we stored but cannot route to is skipped; the others still get the message
      }
    }
    if (targets.isEmpty()) {
      throw new SipResponseException(480, "Temporarily Unavailable");
    }
    try {
      Proxy proxy = request.getProxy();
      proxy.setRecordRoute(false);
      proxy.setParallel(true);
      proxy.setSupervised(false);
      proxy.proxyTo(targets);
    } catch (TooManyHopsException e) {
      throw new SipResponseException(483, "Too Many Hops");
    }
  }
}
