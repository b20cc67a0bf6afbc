package org.presenceagent.sip;

import java.util.Collection;
import java.util.HashSet;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Set;
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

  private static final int DEFAULT_PORT = 5060;

  /** Checks nothing (no listening addresses known). */
  static final SelfContacts NONE = new SelfContacts(Set.of(), Set.of());

  private final Set<String> hosts;
  private final Set<Integer> ports;

  private SelfContacts(Set<String> hosts, Set<Integer> ports) {
    this.hosts = Set.copyOf(hosts);
    this.ports = Set.copyOf(ports);
  }

  /**
   * @param outboundInterfaces the container's SIP URIs ({@code javax.servlet.sip.outboundInterfaces})
   */
  static SelfContacts of(Object outboundInterfaces, LocalDomains domains) {
    Set<String> hosts = new HashSet<>(domains.hosts());
    Set<Integer> ports = new HashSet<>();
    if (outboundInterfaces instanceof Collection<?> interfaces) {
      for (Object item : interfaces) {
        if (item instanceof SipURI uri) {
          hosts.add(host(uri));
          ports.add(uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort());
        }
      }
    }
    return new SelfContacts(hosts, ports);
  }

  /** The listening hosts of the container's SIP URIs, as an AOR would carry them. */
  static Set<String> listeningHosts(Object outboundInterfaces) {
    Set<String> hosts = new HashSet<>();
    if (outboundInterfaces instanceof Collection<?> interfaces) {
      interfaces.stream().filter(SipURI.class::isInstance).map(item -> host((SipURI) item)).forEach(hosts::add);
    }
    return hosts;
  }

  /** Throws the 403 of a REGISTER that binds a contact of ours. */
  void refuseLoops(SipServletRequest request) {
    if (ports.isEmpty()) {
      return;
    }
    try {
      ListIterator<Address> contacts = request.getAddressHeaders(SipHeaders.CONTACT);
      while (contacts.hasNext()) {
        Address contact = contacts.next();
        if (!contact.isWildcard() && contact.getURI() instanceof SipURI uri && hosts.contains(host(uri))
            && ports.contains(uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort())) {
          throw new SipResponseException(403, "Forbidden (Contact is this server: a loop)");
        }
      }
    } catch (ServletParseException | IllegalArgumentException e) {
      throw SipResponseException.badRequest("Invalid Contact header");
    }
  }

  private static String host(SipURI uri) {
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}
