package org.presenceagent.sip;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipSession;
import org.presenceagent.domain.subscription.SubscriptionKey;

/**
 * The container-managed SIP sessions (dialogs) in which subscriptions live, by subscription key.
 * NOTIFYs are created from these sessions, so Call-ID, tags, route set and CSeq come from the
 * container's dialog. Each session also records which subscriptions it carries (one dialog may
 * carry several, RFC 6665 section 4.5.2), so that it is freed when the last one ends.
 */
final class SipDialogs {

  /** Session attribute: the keys of the subscriptions the session carries. */
  private static final String SUBSCRIPTIONS = "org.presenceagent.subscriptions";

  private final Map<SubscriptionKey, SipSession> sessions = new ConcurrentHashMap<>();

  void bind(SubscriptionKey key, SipSession session) {
    synchronized (session) {
      subscriptionsOf(session).add(key.asText());
    }
    sessions.put(key, session);
  }

  Optional<SipSession> find(SubscriptionKey key) {
    SipSession session = sessions.get(key);
    if (session != null && !session.isValid()) {
      sessions.remove(key, session);
      return Optional.empty();
    }
    return Optional.ofNullable(session);
  }

  /** Forgets a subscription's dialog; frees the container's session once it carries no subscription. */
  void unbind(SubscriptionKey key) {
    SipSession session = sessions.remove(key);
    if (session == null || !session.isValid()) {
      return;
    }
    boolean unused;
    synchronized (session) {
      Set<String> keys = subscriptionsOf(session);
      keys.remove(key.asText());
      unused = keys.isEmpty();
    }
    if (unused) {
      // Freed a minute later, not as soon as the container finds it ready (JSR 289's default): a
      // request still on its way in the dialog (a refresh racing the final NOTIFY) must reach the
      // servlet, which answers 481. Arriving while the container invalidates the session, it got
      // the container's 500 instead. The final NOTIFY's transaction ends within that minute.
      session.setInvalidateWhenReady(false);
      SipApplicationSession application = session.getApplicationSession();
      if (application.isValid()) {
        application.setInvalidateWhenReady(false);
        application.setExpires(1);
      }
    }
  }

  /** Whether the session carries (or carried) a subscription. */
  static boolean carriesSubscription(SipSession session) {
    return session.getAttribute(SUBSCRIPTIONS) != null;
  }

  @SuppressWarnings("unchecked")
  private static Set<String> subscriptionsOf(SipSession session) {
    Set<String> keys = (Set<String>) session.getAttribute(SUBSCRIPTIONS);
    if (keys == null) {
      keys = new HashSet<>();
      session.setAttribute(SUBSCRIPTIONS, keys);
    }
    return keys;
  }
}
