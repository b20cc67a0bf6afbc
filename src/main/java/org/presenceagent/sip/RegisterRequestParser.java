package org.presenceagent.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import java.util.OptionalLong;
import javax.servlet.sip.Address;
import javax.servlet.sip.ServletParseException;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipURI;
import org.presenceagent.application.register.ContactSpec;
import org.presenceagent.application.register.RegisterCommand;
import org.presenceagent.domain.shared.Aor;

/** Turns a REGISTER into a {@link RegisterCommand} (RFC 3261 section 10.2 and 10.3). */
final class RegisterRequestParser {

  private static final String INSTANCE = "+sip.instance";

  private RegisterRequestParser() {}

  /**
   * @param maxContacts most Contacts one REGISTER may carry ({@code max_contacts}): more get 403
   *     before any is read, so a REGISTER with thousands of Contacts costs nothing
   * @param allowInternalContacts whether contacts at internal addresses may be bound from anywhere
   */
  static RegisterCommand parse(SipServletRequest request, int maxContacts, boolean allowInternalContacts) {
    Aor aor;
    try {
      aor = Aor.parse(request.getTo().getURI().toString()); // RFC 3261 10.3 step 4: the To header names the AOR
    } catch (IllegalArgumentException e) {
      throw SipResponseException.badRequest("Invalid To URI: " + e.getMessage());
    }
    FieldLimits.check(aor, "To URI");
    boolean wildcard = false;
    List<ContactSpec> contacts = new ArrayList<>();
    try {
      ListIterator<Address> headers = request.getAddressHeaders(SipHeaders.CONTACT);
      while (headers.hasNext()) {
        Address contact = headers.next();
        if (contact.isWildcard()) {
          wildcard = true;
        } else {
          if (contacts.size() == maxContacts) {
            throw tooManyContacts(maxContacts);
          }
          ContactAddresses.requireAllowed(contact.getURI(), request, allowInternalContacts);
          contacts.add(contact(contact));
        }
      }
    } catch (ServletParseException | IllegalArgumentException e) {
      throw SipResponseException.badRequest("Invalid Contact header");
    }
    return new RegisterCommand(
        aor, RequestFields.callId(request), RequestFields.cseq(request), RequestFields.expires(request), wildcard, contacts);
  }

  private static ContactSpec contact(Address contact) {
    if (!(contact.getURI() instanceof SipURI)) {
      // Only SIP contacts can receive what this registrar relays (the container's Address also
      // fails on the parameters of any other URI: a 500 it was).
      throw new SipResponseException(416, "Unsupported URI Scheme in Contact");
    }
    int expires = contact.getExpires();
    float q = contact.getQ();
    if (q != -1.0f && (q < 0 || q > 1)) {
      throw SipResponseException.badRequest("Invalid q in Contact header");
    }
    return new ContactSpec(
        FieldLimits.check(contact.getURI().toString(), FieldLimits.CONTACT, "Contact"),
        expires < 0 ? OptionalLong.empty() : OptionalLong.of(expires),
        q == -1.0f ? Optional.empty() : Optional.of((double) q),
        Optional.ofNullable(FieldLimits.check(contact.getParameter(INSTANCE), FieldLimits.INSTANCE, "+sip.instance")));
  }

  /** The answer to a REGISTER that would bind more contacts than {@code max_contacts} (Kamailio answers alike). */
  static SipResponseException tooManyContacts(int maxContacts) {
    return new SipResponseException(403, "Forbidden (Too Many Contacts, limit " + maxContacts + ")");
  }
}
