package org.presenceagent.application;

import java.time.Duration;
import java.util.OptionalLong;
import org.presenceagent.domain.shared.ExpiryPolicy;
import org.presenceagent.domain.shared.IntervalTooBriefException;

/** Applies an expiry policy to a request, turning a too-short interval into a 423. */
public final class ExpiryGrant {

  private ExpiryGrant() {}

  /**
   * The interval to grant.
   *
   * @throws RequestRejectedException 423 with {@code Min-Expires} (RFC 3261 section 21.4.17)
   */
  public static Duration of(ExpiryPolicy policy, OptionalLong requested) {
    try {
      return policy.grant(requested);
    } catch (IntervalTooBriefException e) {
      throw RequestRejectedException.intervalTooBrief(e.minimumSeconds());
    }
  }
}
