package org.presenceagent.sip;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.servlet.sip.SipSession;
import org.presenceagent.domain.subscription.SubscriptionKey;

/**
 * The container-managed SIP sessions (dialogs) in which subscriptions live, by subscription key.
 * NOTIFYs are created from these sessions, so Call-ID, tags, route set and CSeq come from the
 * container's dialog.
 */
final class SipDialogs {

  private final Map<SubscriptionKey, SipSession> sessions = new ConcurrentHashMap<>();

  void bind(SubscriptionKey key, SipSession session) {
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

  void unbind(SubscriptionKey key) {
    sessions.remove(key);
  }

  int size() {
    return sessions.size();
  }
}
