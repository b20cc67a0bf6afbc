package org.presenceagent.application.internal;

/** An internal subscription was asked for while {@code accept_internal_subscriptions=0}. */
public final class InternalSubscriptionsDisabledException extends IllegalStateException {

  public InternalSubscriptionsDisabledException() {
    super("internal subscriptions are not accepted: set the parameter accept_internal_subscriptions=1");
  }
}
