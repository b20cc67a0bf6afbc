package org.presenceagent.application.manage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.presenceagent.domain.shared.ExpiryPolicy;

/**
 * The settings an operator may change while the server runs: those read afresh at each use, so a
 * change needs no service rebuilt and cannot leave a half-applied state. They are the seed's
 * {@code ignore_408_on_notify}, asked at each NOTIFY answer, and the expiry limits, asked by each
 * SUBSCRIBE, PUBLISH and REGISTER (a change applies to the next request; what was granted stays).
 * The others are read once when the services are built (authorization, event packages, storage)
 * and need a restart.
 *
 * <p>Thread-safe: the values form one immutable snapshot, replaced whole, so a request never sees
 * a minimum from one change and a maximum from another.
 */
public final class LiveSettings {

  /** The seed's parameter: whether a NOTIFY answered 408 keeps its subscription. */
  public static final String IGNORE_408_ON_NOTIFY = "ignore_408_on_notify";
  public static final String MIN_EXPIRES = "min_expires";
  public static final String DEFAULT_EXPIRES = "default_expires";
  public static final String MAX_SUBSCRIPTION_EXPIRATION = "max_subscription_expiration";
  public static final String MAX_PUBLISH_EXPIRATION = "max_publish_expiration";
  public static final String MAX_REGISTRATION_EXPIRATION = "max_registration_expiration";

  /** The names that may change at run time. */
  public static final List<String> NAMES = List.of(IGNORE_408_ON_NOTIFY, MIN_EXPIRES, DEFAULT_EXPIRES,
      MAX_SUBSCRIPTION_EXPIRATION, MAX_PUBLISH_EXPIRATION, MAX_REGISTRATION_EXPIRATION);

  /** Largest value any limit may be set to, as at start-up. */
  private static final long MAX_SECONDS = Integer.MAX_VALUE;

  /** One consistent set of values. */
  private record Values(
      boolean ignore408OnNotify, long minExpires, long defaultExpires, long maxSubscription, long maxPublish,
      long maxRegistration) {}

  private volatile Values values;

  public LiveSettings(
      boolean ignore408OnNotify, long minExpires, long defaultExpires, long maxSubscriptionExpiration,
      long maxPublishExpiration, long maxRegistrationExpiration) {
    this.values = check(new Values(ignore408OnNotify, minExpires, defaultExpires, maxSubscriptionExpiration,
        maxPublishExpiration, maxRegistrationExpiration));
  }

  public boolean ignore408OnNotify() {
    return values.ignore408OnNotify();
  }

  /** The limits a SUBSCRIBE is granted within now (RFC 6665 section 4.2.1.1). */
  public ExpiryPolicy subscriptionExpiry() {
    Values current = values;
    return new ExpiryPolicy(current.minExpires(), current.defaultExpires(), current.maxSubscription());
  }

  /** The limits a PUBLISH is granted within now (RFC 3903 section 6 step 3). */
  public ExpiryPolicy publicationExpiry() {
    Values current = values;
    return new ExpiryPolicy(current.minExpires(), current.defaultExpires(), current.maxPublish());
  }

  /** The limits a REGISTER binding is granted within now (RFC 3261 section 10.3 step 7). */
  public ExpiryPolicy registrationExpiry() {
    Values current = values;
    return new ExpiryPolicy(current.minExpires(), current.defaultExpires(), current.maxRegistration());
  }

  /** The current values by parameter name, written as in {@code sip.xml}. */
  public Map<String, String> values() {
    Values current = values;
    Map<String, String> byName = new LinkedHashMap<>();
    byName.put(IGNORE_408_ON_NOTIFY, current.ignore408OnNotify() ? "1" : "0");
    byName.put(MIN_EXPIRES, Long.toString(current.minExpires()));
    byName.put(DEFAULT_EXPIRES, Long.toString(current.defaultExpires()));
    byName.put(MAX_SUBSCRIPTION_EXPIRATION, Long.toString(current.maxSubscription()));
    byName.put(MAX_PUBLISH_EXPIRATION, Long.toString(current.maxPublish()));
    byName.put(MAX_REGISTRATION_EXPIRATION, Long.toString(current.maxRegistration()));
    return byName;
  }

  /**
   * Applies changes, all or none, and checks the result as start-up does (the minimum below every
   * maximum, the default not below the minimum).
   *
   * @param changes new value by parameter name
   * @throws IllegalArgumentException naming a parameter that cannot change at run time, or a bad
   *     value or combination, before anything is changed
   */
  public synchronized void change(Map<String, String> changes) {
    Map<String, String> merged = values();
    changes.forEach((name, value) -> {
      if (!NAMES.contains(name)) {
        throw new IllegalArgumentException("parameter '" + name + "' cannot change at run time (change sip.xml or"
            + " --param and restart); parameters that can: " + String.join(", ", NAMES));
      }
      merged.put(name, value);
    });
    values = check(new Values(
        flag(IGNORE_408_ON_NOTIFY, merged.get(IGNORE_408_ON_NOTIFY)),
        seconds(MIN_EXPIRES, merged.get(MIN_EXPIRES), 0),
        seconds(DEFAULT_EXPIRES, merged.get(DEFAULT_EXPIRES), 1),
        seconds(MAX_SUBSCRIPTION_EXPIRATION, merged.get(MAX_SUBSCRIPTION_EXPIRATION), 1),
        seconds(MAX_PUBLISH_EXPIRATION, merged.get(MAX_PUBLISH_EXPIRATION), 1),
        seconds(MAX_REGISTRATION_EXPIRATION, merged.get(MAX_REGISTRATION_EXPIRATION), 1)));
  }

  private static Values check(Values candidate) {
    long smallestMaximum =
        Math.min(Math.min(candidate.maxSubscription(), candidate.maxPublish()), candidate.maxRegistration());
    if (candidate.minExpires() > smallestMaximum) {
      throw new IllegalArgumentException("invalid value " + MIN_EXPIRES + "=" + candidate.minExpires()
          + ": must not exceed the smallest maximum expiration (" + smallestMaximum + ")");
    }
    if (candidate.defaultExpires() < candidate.minExpires()) {
      throw new IllegalArgumentException("invalid value " + DEFAULT_EXPIRES + "=" + candidate.defaultExpires()
          + ": must not be below " + MIN_EXPIRES + "=" + candidate.minExpires());
    }
    return candidate;
  }

  private static long seconds(String name, String value, long minimum) {
    try {
      long seconds = Long.parseLong(value == null ? "" : value.trim());
      if (seconds >= minimum && seconds <= MAX_SECONDS) {
        return seconds;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("invalid value " + name + "=" + value + ": must be a number of seconds from "
        + minimum + " to " + MAX_SECONDS);
  }

  private static boolean flag(String name, String value) {
    return switch (value == null ? "" : value.trim().toLowerCase(Locale.ROOT)) {
      case "1", "true", "yes", "on" -> true;
      case "0", "false", "no", "off" -> false;
      default -> throw new IllegalArgumentException("invalid value " + name + "=" + value + ": must be 1 or 0");
    };
  }
}
