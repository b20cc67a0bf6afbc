package org.presenceagent.jmx;

/**
 * The operations of {@code org.presenceagent:type=Subscribers,name=<jmx_name>}: the users who may
 * authenticate (SIP digest, XCAP), as Kamailio's {@code kamctl add/passwd/rm}. Addresses are
 * {@code sip:user@domain} or {@code user@domain}; passwords are never shown (only HA1 hashes are kept).
 */
public interface SubscribersMBean {

  /** Number of subscribers, configured and stored. */
  int getSubscriberCount();

  /** One line per subscriber: address, source (configured or stored), realm, algorithms. */
  String[] listSubscribers();

  /** Adds a user of a local domain; stored in the database table subscriber. */
  String addSubscriber(String aor, String password);

  /** Gives a stored user a new password. */
  String changePassword(String aor, String password);

  /** Removes a stored user. */
  void removeSubscriber(String aor);
}
