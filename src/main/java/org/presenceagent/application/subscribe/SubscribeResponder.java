package org.presenceagent.application.subscribe;

/**
 * Answers the SUBSCRIBE being handled. The use case asks for our dialog tag before it stores the
 * subscription, then accepts once the change is durable, or rejects with the failure that stopped
 * it. Exactly one of {@link #accept} and {@link #reject} is called, possibly on another thread than
 * the one that received the request.
 */
public interface SubscribeResponder {

  /** Our tag for the dialog (the To tag of the 2xx), fixed once asked for. */
  String localTag();

  /**
   * Sends the 2xx.
   *
   * @param pending whether the subscription is pending (some deployments want 202 for that)
   * @param expiresSeconds the granted duration for the {@code Expires} header
   */
  void accept(boolean pending, long expiresSeconds);

  /**
   * Sends the failure response: the status of a
   * {@link org.presenceagent.application.RequestRejectedException}, 500 for anything else.
   */
  void reject(RuntimeException failure);
}
