package org.presenceagent.application.expiry;

import org.presenceagent.application.port.ExpiryScheduler;
import org.presenceagent.domain.subscription.Subscription;

/** One expiry timer per subscription, moved by each refresh. */
public final class SubscriptionTimers {

  private static final String PREFIX = "subscription:";

  private final ExpiryScheduler scheduler;
  private final ExpiryService expiry;

  public SubscriptionTimers(ExpiryScheduler scheduler, ExpiryService expiry) {
    this.scheduler = scheduler;
    this.expiry = expiry;
  }

  public void schedule(Subscription subscription) {
    scheduler.schedule(
        PREFIX + subscription.key().asText(),
        subscription.expiresAt(),
        () -> expiry.expireSubscription(subscription.key()));
  }

  public void cancel(Subscription subscription) {
    scheduler.cancel(PREFIX + subscription.key().asText());
  }
}
