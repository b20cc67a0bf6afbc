package org.presenceagent.application.subscribe;

/**
 * Answers the SUBSCRIBE being handled. The use case asks for our dialog tag before it stores the
 * subscription, then accepts once the change is durable; errors are answered by the SIP layer from
 * the exception the use case throws.
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
}
