package org.presenceagent.domain.subscription;

/** The value of the {@code Subscription-State} header (RFC 6665 section 8.2.3). */
public enum SubscriptionState {
  /** Authorization is not (yet) granted: NOTIFYs carry no state. */
  PENDING("pending"),
  /** Authorized: NOTIFYs carry the resource's state. */
  ACTIVE("active"),
  /** Over; the last NOTIFY says why. */
  TERMINATED("terminated");

  private final String token;

  SubscriptionState(String token) {
    this.token = token;
  }

  /** The header token. */
  public String token() {
    return token;
  }
}
