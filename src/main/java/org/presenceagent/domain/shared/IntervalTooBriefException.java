package org.presenceagent.domain.shared;

/** A requested expiry shorter than the minimum (answered 423 with {@code Min-Expires}). */
public final class IntervalTooBriefException extends RuntimeException {

  private final long minimumSeconds;

  public IntervalTooBriefException(long minimumSeconds) {
    super("Interval Too Brief, minimum is " + minimumSeconds + " s");
    this.minimumSeconds = minimumSeconds;
  }

  public long minimumSeconds() {
    return minimumSeconds;
  }
}
