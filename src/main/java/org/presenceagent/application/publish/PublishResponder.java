package org.presenceagent.application.publish;

/**
 * Answers the PUBLISH being handled, once its change is durable and before the watchers are
 * notified, so the publisher's 2xx does not wait for the fan-out (errors are answered by the SIP
 * layer from the exception the use case throws).
 */
@FunctionalInterface
public interface PublishResponder {

  void accept(PublishResult result);
}
