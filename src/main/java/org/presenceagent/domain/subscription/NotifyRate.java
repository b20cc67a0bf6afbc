package org.presenceagent.domain.subscription;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The notification rate control of a subscription (RFC 6446), asked for in the {@code Event}
 * header of the SUBSCRIBE and reflected back in the {@code Subscription-State} of every NOTIFY
 * (sections 5.2, 6.2, 7.2). Rates are notifications per second, positive (section 9.2 allows
 * 0.0000000001 to 99.9999999999).
 *
 * <ul>
 *   <li>{@code max-rate}: NOTIFYs are at least {@code 1/max-rate} apart; changes in between are
 *       merged into the next one (section 5.5.2). The NOTIFYs a SUBSCRIBE triggers, the change from
 *       pending to active and the final NOTIFY are exempt (section 5.2).
 *   <li>{@code min-rate}: a NOTIFY with the current state goes out whenever {@code 1/min-rate}
 *       passed without one (section 6.2).
 *   <li>{@code adaptive-min-rate}: the same with a timeout that grows with the number of NOTIFYs
 *       sent recently, formula (1) of section 7.4 (see {@link #adaptiveTimeout}).
 * </ul>
 *
 * @param minRate {@code min-rate}, empty when not asked for
 * @param maxRate {@code max-rate}, empty when not asked for
 * @param adaptiveMinRate {@code adaptive-min-rate}, empty when not asked for
 */
public record NotifyRate(OptionalDouble minRate, OptionalDouble maxRate, OptionalDouble adaptiveMinRate) {

  /** No rate control: a NOTIFY for every change, as soon as the previous one was answered. */
  public static final NotifyRate NONE = new NotifyRate(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());

  /** The lowest rate the grammar allows (section 9.2). */
  public static final double LOWEST = 0.0000000001;
  /** The highest rate the grammar allows (section 9.2). */
  public static final double HIGHEST = 99.9999999999;
  /**
   * The adaptive algorithm's {@code period} in units of {@code 1/adaptive-min-rate}: section 7.2
   * requires more than one and recommends several.
   */
  static final double ADAPTIVE_PERIODS = 10;

  public NotifyRate {
    requireInRange("min-rate", minRate);
    requireInRange("max-rate", maxRate);
    requireInRange("adaptive-min-rate", adaptiveMinRate);
  }

  private static void requireInRange(String name, OptionalDouble rate) {
    if (rate.isPresent() && !(rate.getAsDouble() >= LOWEST && rate.getAsDouble() <= HIGHEST)) {
      throw new IllegalArgumentException(name + " must be between " + LOWEST + " and " + HIGHEST + ", not " + rate.getAsDouble());
    }
  }

  /** Whether any rate control is in force. */
  public boolean isRequested() {
    return minRate.isPresent() || maxRate.isPresent() || adaptiveMinRate.isPresent();
  }

  /**
   * The values the notifier uses for a subscription that lasts {@code granted} (section 8 and 5.3):
   * a minimum above the maximum is lowered to it; {@code min-rate} not below
   * {@code adaptive-min-rate} is not considered; a maximum that would allow no NOTIFY before the
   * subscription ends is raised to {@code 1/granted}.
   */
  public NotifyRate negotiated(Duration granted) {
    OptionalDouble max = maxRate;
    if (max.isPresent() && !granted.isZero() && max.getAsDouble() < 1d / granted.toSeconds()) {
      max = OptionalDouble.of(Math.min(HIGHEST, 1d / granted.toSeconds()));
    }
    OptionalDouble adaptive = capped(adaptiveMinRate, max);
    OptionalDouble min = capped(minRate, max);
    if (min.isPresent() && adaptive.isPresent() && min.getAsDouble() >= adaptive.getAsDouble()) {
      min = OptionalDouble.empty();
    }
    return new NotifyRate(min, max, adaptive);
  }

  private static OptionalDouble capped(OptionalDouble rate, OptionalDouble max) {
    if (rate.isPresent() && max.isPresent() && rate.getAsDouble() > max.getAsDouble()) {
      return max;
    }
    return rate;
  }

  /** The shortest time between two NOTIFYs: {@code 1 / max-rate}; empty without a maximum. */
  public Optional<Duration> minimumInterval() {
    return maxRate.isPresent() ? Optional.of(interval(maxRate.getAsDouble())) : Optional.empty();
  }

  /**
   * The longest time the subscriber may go without a NOTIFY: the shorter of {@code 1/min-rate} and
   * the adaptive timeout, never shorter than {@code 1/max-rate} (formula (2) of section 7.4).
   *
   * @param recentNotifications NOTIFYs sent in the last {@link #adaptivePeriod()} (for the adaptive
   *     rate; ignored without one)
   */
  public Optional<Duration> maximumInterval(double recentNotifications) {
    Optional<Duration> fixed = minRate.isPresent() ? Optional.of(interval(minRate.getAsDouble())) : Optional.empty();
    Optional<Duration> adaptive = adaptiveMinRate.isPresent() ? Optional.of(adaptiveTimeout(recentNotifications)) : Optional.empty();
    Optional<Duration> shortest = fixed.isEmpty() ? adaptive
        : adaptive.isEmpty() ? fixed
        : Optional.of(fixed.get().compareTo(adaptive.get()) <= 0 ? fixed.get() : adaptive.get());
    Optional<Duration> floor = minimumInterval();
    return shortest.map(interval -> floor.isPresent() && floor.get().compareTo(interval) > 0 ? floor.get() : interval);
  }

  /**
   * Formula (1) of RFC 6446 section 7.4: {@code timeout = count / (adaptive-min-rate^2 * period)},
   * with {@code count} the NOTIFYs sent in the last {@code period}.
   */
  Duration adaptiveTimeout(double count) {
    double rate = adaptiveMinRate.orElseThrow();
    return seconds(Math.max(1, count) / (rate * rate * adaptivePeriod().toNanos() / 1e9));
  }

  /**
   * The adaptive algorithm's window, several times {@code 1/adaptive-min-rate} (section 7.2); empty
   * without an adaptive rate.
   */
  public Duration adaptivePeriod() {
    return seconds(ADAPTIVE_PERIODS / adaptiveMinRate.orElse(1));
  }

  /**
   * The NOTIFYs the adaptive algorithm assumes were sent in the period before the first one (step
   * 1 of section 7.2: {@code period * adaptive-min-rate}).
   */
  public double assumedHistory() {
    return ADAPTIVE_PERIODS;
  }

  static Duration interval(double perSecond) {
    return seconds(1 / perSecond);
  }

  private static Duration seconds(double seconds) {
    return Duration.ofNanos(Math.max(1, Math.round(Math.min(seconds, 1e9) * 1e9)));
  }
}
