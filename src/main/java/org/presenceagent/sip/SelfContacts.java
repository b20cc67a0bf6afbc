package org.presenceagent.sip;

import java.util.ListIterator;
import javax.servlet.sip.Address;
import javax.servlet.sip.ServletParseException;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipURI;
import org.presenceagent.application.identity.LocalDomains;

/**
 * Refuses REGISTER contacts that point at this server itself (Kamailio's {@code is_myself} check):
 * a MESSAGE relayed to such a binding would come straight back to us, again and again. A contact
 * is ours when its host is one we listen on or one of our domains and its port (5060 when absent,
 * RFC 3261 section 19.1.2) is one of our SIP ports.
 */
final class SelfContacts {

  /** Checks nothing (nothing known about where we listen). */
  static final SelfContacts NONE = new SelfContacts(null, null);

  private final ListeningAddresses listening;
  private final LocalDomains domains;

  SelfContacts(ListeningAddresses listening, LocalDomains domains) {
    this.listening = listening;
    this.domains = domains;
  }

  /** Throws the 403 of a REGISTER that binds a contact of ours. */
  void refuseLoops(SipServletRequest request) {
    if (listening == null || listening.ports().isEmpty()) {
      return;
    }
    try {
      ListIterator<Address> contacts = request.getAddressHeaders(SipHeaders.CONTACT);
      while (contacts.hasNext()) {
        Address contact = contacts.next();
        if (!contact.isWildcard() && contact.getURI() instanceof SipURI uri && isOurs(uri)) {
          throw new SipResponseException(403, "Forbidden (Contact is this server: a loop)");
        }
      }
    } catch (ServletParseException | IllegalArgumentException e) {
      throw SipResponseException.badRequest("Invalid Contact header");
    }
  }

  private boolean isOurs(SipURI uri) {
    String host = ListeningAddresses.host(uri);
    return listening.ports().contains(ListeningAddresses.port(uri))
        && (listening.hosts().contains(host) || domains.isLocalHost(host));
  }
}
