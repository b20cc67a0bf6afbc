package org.presenceagent.application.notify;

import org.presenceagent.domain.shared.Aor;

/**
 * Told when a presentity's composed presence document or its authorization rules may have changed,
 * on the thread that made the change and under the presentity's lock (so calls for one presentity
 * come in the order of the changes). Internal subscriptions are the observer.
 */
@FunctionalInterface
public interface PresentityObserver {

  void presentityChanged(Aor presentity);
}
