package org.presenceagent.domain.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * One {@code from}/{@code until} interval of the {@code validity} condition (RFC 4745 section
 * 7.3): the rule applies from {@code from} (inclusive) to {@code until} (exclusive).
 */
public record Validity(Instant from, Instant until) {

  public Validity {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(until, "until");
    if (until.isBefore(from)) {
      throw new IllegalArgumentException("validity ends (" + until + ") before it starts (" + from + ")");
    }
  }

  public boolean contains(Instant instant) {
    return !instant.isBefore(from) && instant.isBefore(until);
  }
}
