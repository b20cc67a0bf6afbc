package org.presenceagent.domain.shared;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * How long a subscription or publication lives: the requested value defaulted, checked against the
 * minimum and clamped to the maximum (RFC 6665 section 4.2.1.1, RFC 3903 section 6 step 3).
 *
 * @param minimum shortest non-zero interval accepted; shorter requests get 423 with Min-Expires
 * @param byDefault the interval used when the request names none (seed {@code default_expires})
 * @param maximum the longest interval granted (seed {@code max_subscription_expiration} /
 *     {@code max_publish_expiration})
 */
public record ExpiryPolicy(long minimum, long byDefault, long maximum) {

  public ExpiryPolicy {
    if (minimum < 0 || byDefault <= 0 || maximum <= 0 || minimum > maximum) {
      throw new IllegalArgumentException(
          "inconsistent expiry policy: min=" + minimum + " default=" + byDefault + " max=" + maximum);
    }
  }

  /**
   * The interval to grant for a request.
   *
   * @param requested the request's Expires value in seconds, empty when the request has none
   * @return the granted interval; zero means "end now" (un-subscribe, fetch, remove)
   * @throws IntervalTooBriefException when the request is non-zero and below {@link #minimum()}
   */
  public Duration grant(OptionalLong requested) {
    long seconds = requested.orElse(Math.min(byDefault, maximum));
    if (seconds < 0) {
      throw new IllegalArgumentException("negative expiry: " + seconds);
    }
    if (seconds == 0) {
      return Duration.ZERO;
    }
    if (seconds < minimum) {
      throw new IntervalTooBriefException(minimum);
    }
    return Duration.ofSeconds(Math.min(seconds, maximum));
  }
}
