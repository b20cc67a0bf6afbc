package org.presenceagent.application.internal;

import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.subscription.SubscriptionState;

/** The handle of one internal subscription, returned by {@link InternalSubscriptions#subscribe}. */
public interface InternalSubscription {

  Aor presentity();

  Aor watcher();

  /** The state last delivered to the watcher. */
  SubscriptionState state();

  /**
   * Ends the subscription: the watcher gets one last update, terminated with reason timeout (as
   * a SIP watcher's unsubscribe does), and no more. Nothing happens if it had already ended.
   */
  void cancel();
}
