package org.presenceagent.jmx;

import javax.management.openmbean.CompositeData;

/**
 * The operations of {@code org.presenceagent:type=Presence,name=<jmx_name>}. Presentities are
 * given as {@code sip:user@host} or {@code user@host}; subscription ids as listed by
 * {@link #listSubscriptions(String)} ({@code event|from-tag|call-id}).
 */
public interface PresenceManagementMBean {

  /** Presentities with publications, registrations or subscriptions. */
  int getPresentityCount();

  int getPublicationCount();

  int getRegistrationCount();

  int getSubscriptionCount();

  /** One row per presentity: address, counts, online. */
  CompositeData[] listPresentities();

  /** A presentity's counts, composed PIDF document, publications and registrations. */
  CompositeData showPresentity(String presentity);

  /** The composed PIDF document as a watcher allowed to see everything gets it. */
  String presenceDocument(String presentity);

  /** The subscriptions to a presentity (presence and presence.winfo). */
  CompositeData[] listSubscriptions(String presentity);

  /**
   * Ends a subscription with a final NOTIFY {@code terminated;reason=<reason>} (RFC 6665 section
   * 4.2.2); an empty reason means {@code noresource}, which tells the watcher not to come back.
   */
  CompositeData terminateSubscription(String id, String reason);

  /** The seed's {@code pa.authorize}: re-reads the presentity's rules, re-evaluates its watchers. */
  void authorize(String presentity);

  /**
   * The seed's {@code pa.publish}: publishes a document for the presentity like a PUBLISH would.
   *
   * @param expires seconds wanted; negative for {@code default_expires}
   * @return the publication's entity tag and granted expiry
   */
  CompositeData publish(String presentity, String contentType, String document, long expires);

  /** The seed's {@code target_online()}. */
  boolean targetOnline(String presentity);

  /** Runs expiry now for everything overdue; returns what was removed. */
  CompositeData cleanup();

  /** The seed's {@code pa.trace}: counts, settings and one line per presentity, as text. */
  String dump();
}
