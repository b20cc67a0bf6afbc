package org.presenceagent.application.publish;

/**
 * Answers the PUBLISH being handled, once its change is durable and before the watchers are
 * notified, so the publisher's 2xx does not wait for the fan-out; or with the failure that stopped
 * it. Exactly one of the two is called, possibly on another thread than the one that received the
 * request.
 */
public interface PublishResponder {

  void accept(PublishResult result);

  /**
   * Sends the failure response: the status of a
   * {@link org.presenceagent.application.RequestRejectedException}, 500 for anything else.
   */
  void reject(RuntimeException failure);
}
